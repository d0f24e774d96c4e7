// comlink ships its Node adapter without types for this path; this is its whole signature.
declare module 'comlink/dist/esm/node-adapter.mjs' {
  import type { MessagePort, Worker } from 'node:worker_threads';
  import type { Endpoint } from 'comlink';
  export default function nodeEndpoint(nep: MessagePort | Worker): Endpoint;
}
