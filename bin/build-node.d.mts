/** Types of build-node.mjs for the TypeScript callers (test setup). */
export declare const outDir: string;
export declare function buildNode(options?: { force?: boolean }): Promise<string>;
export declare function loadCli(): Promise<{
  main(argv: string[]): Promise<number>;
  writeDocs(): string;
  /** Write the code cache if this start had none (call once the command ran). */
  done(): void;
}>;
