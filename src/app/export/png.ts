/**
 * The graph as PNG through @sigma/export-image: it redraws the current view (camera, reducers,
 * so playback colours included) on a temporary renderer and returns the picture as a Blob.
 */
import { toBlob } from '@sigma/export-image';
import type { Attributes } from 'graphology-types';
import type Sigma from 'sigma';
import { downloadBlob } from './download.ts';

export async function graphPng<N extends Attributes>(sigma: Sigma<N>): Promise<Blob> {
  // export-image is typed for the default attribute types; it only reads settings and the graph.
  return toBlob(sigma as unknown as Sigma, { format: 'png', backgroundColor: '#ffffff' });
}

export async function downloadGraphPng<N extends Attributes>(
  sigma: Sigma<N>,
  fileName: string,
): Promise<void> {
  downloadBlob(await graphPng(sigma), fileName);
}
