/**
 * The trained weights of the speaker features (see `choose.ts`) and of the speech features (see
 * `speech.ts`): generated data, `data/weights.json`, written by `npm run train:quotes`. Read once,
 * when the parser loads; `src/compile.mjs` copies it into `dist/` with the code.
 */
import { readFileSync } from 'node:fs';

const trained = JSON.parse(readFileSync(new URL('./data/weights.json', import.meta.url), 'utf8')) as {
  readonly speaker: Readonly<Record<string, number>>;
  readonly speech: Readonly<Record<string, number>>;
};

export const WEIGHTS: Readonly<Record<string, number>> = trained.speaker;
export const SPEECH: Readonly<Record<string, number>> = trained.speech;
