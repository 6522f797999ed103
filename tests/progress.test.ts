import { describe, expect, it } from 'vitest';
import { progressLine, progressPrinter } from '../src/progress.js';

/** A stream that records what is written to it. */
function recorder(isTTY: boolean): { isTTY: boolean; columns: number; written: string[]; write(text: string): void } {
  return { isTTY, columns: 80, written: [], write(text) { this.written.push(text); } };
}

describe('a progress line', () => {
  it('gives the stage, the count, the rate and the time left', () => {
    expect(progressLine({ stage: 'parse', done: 4000, total: 10000 }, 2000)).toBe('parse: 4,000 of 10,000, 2,000/s, about 3 s left');
  });

  it('says done at the end, and guesses no rate in the first half second', () => {
    expect(progressLine({ stage: 'render', done: 10, total: 10 }, 100)).toBe('render: 10 of 10, done');
    expect(progressLine({ stage: 'render', done: 3, total: 10 }, 100)).toBe('render: 3 of 10');
  });

  it('draws a bar of one length, filled in proportion, that fits the width it is given', () => {
    const half = progressLine({ stage: 'render', done: 50, total: 100 }, 1000, 79);
    expect(half.length).toBeLessThanOrEqual(79);
    expect(/\[.*\]/.exec(half)![0]).toHaveLength(/\[.*\]/.exec(progressLine({ stage: 'render', done: 5, total: 100 }, 100, 79))![0].length);
    const bar = /\[(#*)(·*)\]/.exec(half)!;
    expect(Math.abs(bar[1]!.length - bar[2]!.length)).toBeLessThanOrEqual(1);
    expect(progressLine({ stage: 'render', done: 100, total: 100 }, 1000, 79)).toMatch(/\[#+\]/);
  });
});

describe('the progress printer', () => {
  /** Reports a stage counting to `total` by `step`, `ms` apart on a clock of its own; returns what was written. */
  const play = (isTTY: boolean, stage: string, total: number, step: number, ms: number): string[] => {
    const out = recorder(isTTY);
    let t = 0;
    const printer = progressPrinter(out, () => t);
    for (let done = 0; done <= total; done += step) {
      printer.report({ stage, done, total });
      t += ms;
    }
    printer.end();
    return out.written;
  };

  it('in a log, writes plain lines: when a stage starts, every few seconds, and when it ends', () => {
    const written = play(false, 'parse', 10000, 250, 100);
    expect(written.every((l) => l.endsWith('\n') && !l.includes('\r'))).toBe(true);
    expect(written[0]).toBe('parse: 0 of 10,000\n');
    expect(written.at(-1)).toMatch(/^parse: 10,000 of 10,000, .*done\n$/);
    // 40 events over 4 seconds: the start, one every 3 seconds, the end.
    expect(written.length).toBeLessThanOrEqual(4);
  });

  it('on a terminal, redraws one line in place and clears it at the end', () => {
    const written = play(true, 'render', 1000, 10, 5);
    expect(written.some((l) => l.includes('\n'))).toBe(false);
    expect(written.filter((l) => l.includes('[')).length).toBeLessThan(20);
    expect(written.at(-1)).toBe('\r\x1b[2K');
  });
});
