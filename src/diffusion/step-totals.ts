/**
 * A shard's totals by step, from each run's levels (Scratch.levels): activations per step
 * (stepCounts), and the sums of squared adoption curves (stepSquares) that give the curve's
 * confidence band. O(levels of the run) per run: a run's curve A(t) is a step function that
 * changes only at its levels, so its squares go into a difference array (A_j^2 - A_{j-1}^2 at each
 * level's step, -A^2 after the last one) summed once per shard. Every term is an integer, so the
 * sums are exact (below 2^53) and equal to adding A(t)^2 step by step.
 */

export class StepTotals {
  private counts: Float64Array<ArrayBuffer> = new Float64Array(16);
  private squareSteps: Float64Array<ArrayBuffer> = new Float64Array(16);
  private maxStep = 0;

  /** Account for one run; returns the step of its last activation (0 if none). */
  addRun(levels: Uint32Array, levelCount: number): number {
    if (levelCount === 0) return 0;
    const last = levels[2 * levelCount - 2];
    if (last + 2 > this.squareSteps.length) {
      this.counts = grow(this.counts, last + 2);
      this.squareSteps = grow(this.squareSteps, last + 2);
    }
    const counts = this.counts;
    const squares = this.squareSteps;
    let before = 0;
    let beforeSquare = 0;
    for (let j = 0; j < levelCount; j++) {
      const t = levels[2 * j];
      const total = levels[2 * j + 1];
      counts[t] += total - before;
      const square = total * total;
      squares[t] += square - beforeSquare;
      before = total;
      beforeSquare = square;
    }
    squares[last + 1] -= beforeSquare;
    if (last > this.maxStep) this.maxStep = last;
    return last;
  }

  /** The shard's stepCounts and stepSquares up to its last step, and reset for the next shard. */
  take(): { stepCounts: Float64Array; stepSquares: Float64Array } {
    const top = this.maxStep;
    const stepCounts = this.counts.slice(0, top + 1);
    const stepSquares = new Float64Array(top + 1);
    let running = 0;
    for (let t = 0; t <= top; t++) {
      running += this.squareSteps[t];
      stepSquares[t] = running;
    }
    this.counts.fill(0, 0, top + 1);
    this.squareSteps.fill(0, 0, top + 2);
    this.maxStep = 0;
    return { stepCounts, stepSquares };
  }
}

function grow(a: Float64Array, length: number): Float64Array<ArrayBuffer> {
  const b = new Float64Array(Math.max(length, 2 * a.length));
  b.set(a);
  return b;
}
