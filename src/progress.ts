/**
 * Progress of a long build, as a reader at a terminal wants it: the stage, how far it is, how fast
 * it goes and how long is left — redrawn as one bar on a terminal, as plain lines (a few per stage)
 * in a log. The build reports events; this module only formats and writes them.
 */

/** Where a stage of the build is: `done` of `total` items. */
export interface ProgressEvent {
  readonly stage: string;
  readonly done: number;
  readonly total: number;
}

/** What the printer writes to: a stream that may be a terminal. */
export interface ProgressStream {
  readonly isTTY?: boolean;
  readonly columns?: number;
  write(text: string): unknown;
}

/** A progress printer: `report` for each event, `end` once the build is over. */
export interface ProgressPrinter {
  report(event: ProgressEvent): void;
  end(): void;
}

/** Time between redraws of the bar; plain lines come at most every few seconds. */
const REDRAW_MS = 100;
const LINE_MS = 3000;

/** `now` is injectable for tests; it defaults to the clock. */
export function progressPrinter(stream: ProgressStream, now: () => number = () => performance.now()): ProgressPrinter {
  let stage = '';
  let started = 0;
  let lastWrite = -Infinity;
  let drawn = false;
  const clear = (): void => {
    if (drawn) stream.write('\r\x1b[2K');
    drawn = false;
  };
  return {
    report(event) {
      const t = now();
      const fresh = event.stage !== stage;
      if (fresh) {
        stage = event.stage;
        started = t;
      }
      const finished = event.done >= event.total;
      if (stream.isTTY) {
        if (!fresh && !finished && t - lastWrite < REDRAW_MS) return;
        clear();
        stream.write(progressLine(event, t - started, Math.max(40, stream.columns || 80) - 1));
        drawn = true;
      } else {
        // A line when a stage starts, every few seconds, and when it ends.
        if (!fresh && !finished && t - lastWrite < LINE_MS) return;
        stream.write(`${progressLine(event, t - started)}\n`);
      }
      lastWrite = t;
    },
    end() {
      clear();
    },
  };
}

/**
 * One line of progress: `render  [#####·····]  4,000 of 10,000  1,050/s  about 6 s left`.
 * With `width`, a bar fills what the text leaves of it; without, the line is plain text.
 */
export function progressLine(event: ProgressEvent, elapsedMs: number, width?: number): string {
  const count = (n: number): string => n.toLocaleString('en');
  const rate = elapsedMs > 0 ? (event.done / elapsedMs) * 1000 : 0;
  const parts = [`${count(Math.min(event.done, event.total))} of ${count(event.total)}`];
  if (event.done > 0 && elapsedMs >= 500) parts.push(`${count(Math.round(rate))}/s`);
  if (event.done >= event.total) parts.push('done');
  else if (rate > 0 && elapsedMs >= 500) parts.push(`about ${Math.max(1, Math.round((event.total - event.done) / rate))} s left`);
  const text = parts.join(width === undefined ? ', ' : '  ');
  if (width === undefined) return `${event.stage}: ${text}`;
  const label = event.stage.padEnd(13);
  // A bar of one length for the whole stage, leaving room for the longest text it will show.
  const room = Math.min(30, width - label.length - 5 - 44);
  if (room < 10) return `${label} ${text}`.slice(0, width);
  const filled = event.total > 0 ? Math.round((Math.min(event.done, event.total) / event.total) * room) : room;
  return `${label} [${'#'.repeat(filled)}${'·'.repeat(room - filled)}]  ${text}`;
}
