/** A model's name in the page's language: the parameter table's label of its value. */
import { MODEL } from '../../../diffusion/params.ts';
import type { ModelName } from '../../../diffusion/types.ts';
import { say } from '../../ui/ParamField.tsx';

export function modelName(model: ModelName): string {
  const value = MODEL.values.find((v) => v.value === model);
  return value ? say(value.label) : model;
}
