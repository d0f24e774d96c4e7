/** Types of build-node.mjs for the TypeScript callers (test setup). */
export declare const outDir: string;
export declare function buildNode(options?: { force?: boolean }): Promise<string>;
