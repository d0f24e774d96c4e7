/** Where a command writes its output, in whole strings. */
export interface Output {
  write(text: string): unknown;
}

/** What a command needs from its surroundings; tests pass their own streams. */
export interface CommandContext {
  stdout: Output;
  stderr: NodeJS.WriteStream;
  /** The bundled engine worker (engine.node.ts) to start worker threads from. */
  workerFile: URL;
  signal?: AbortSignal;
  /** The command's name, for the prefix of warnings. */
  command?: string;
}
