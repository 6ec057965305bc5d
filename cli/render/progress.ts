/**
 * Progress of a running operation: a bar with counts and ETA (cli-progress) when writing to a terminal,
 * and plain lines when writing to a pipe or a file, so logs hold no carriage returns or escape codes.
 * Other lines (state changes) go above the bar on a terminal, or in order in the plain output.
 */
import { MultiBar, Presets, type SingleBar } from 'cli-progress';

import type { OutputStream } from '../context';
import { duration } from './format';

export interface ProgressUpdate {
  /** What runs: `prepare virtualNetworks/Prod-VNet`. */
  label: string;
  step: string;
  done: number;
  total: number;
  etaSeconds?: number | undefined;
}

export interface ProgressDisplay {
  update(progress: ProgressUpdate): void;
  /** A line of its own (a state change, an operation's outcome). */
  line(text: string): void;
  /** Ends the bar (it stays on screen at its last value). */
  stop(): void;
}

/** A bar on a terminal, plain lines otherwise (decided by the stream it writes to). */
export function progressDisplay(stream: OutputStream): ProgressDisplay {
  return stream.isTTY === true ? new BarDisplay(stream) : new PlainDisplay(stream);
}

const eta = (seconds: number | undefined) => (seconds === undefined ? '?' : duration(seconds));

class BarDisplay implements ProgressDisplay {
  private readonly stream: OutputStream;
  /** Present while a bar is on screen; a later update after stop() starts a new one (watch follows several operations). */
  private bars: MultiBar | undefined;
  private bar: SingleBar | undefined;

  constructor(stream: OutputStream) {
    this.stream = stream;
  }

  update(progress: ProgressUpdate): void {
    const payload = { label: progress.label, step: progress.step, etaText: eta(progress.etaSeconds) };
    if (this.bars === undefined || this.bar === undefined) {
      this.bars = new MultiBar(
        {
          stream: this.stream as NodeJS.WritableStream,
          format: '{label} [{bar}] {percentage}% | {value}/{total} | {step} | ETA {etaText}',
          hideCursor: true,
          clearOnComplete: false,
          emptyOnZero: true,
          barsize: 30,
          // Ctrl-C is handled by the command (it stops the bar and says what keeps running); cli-progress's
          // own handler would swallow the signal.
          gracefulExit: false,
        },
        Presets.shades_classic,
      );
      this.bar = this.bars.create(progress.total, progress.done, payload);
      return;
    }
    this.bar.setTotal(progress.total);
    this.bar.update(progress.done, payload);
  }

  line(text: string): void {
    // Above the bar while one is on screen (MultiBar prints logged lines on its next redraw).
    if (this.bars) this.bars.log(`${text}\n`);
    else this.stream.write(`${text}\n`);
  }

  stop(): void {
    // A redraw first: MultiBar.stop() would drop lines logged since the last one.
    this.bars?.update();
    this.bars?.stop();
    this.bars = undefined;
    this.bar = undefined;
  }
}

class PlainDisplay implements ProgressDisplay {
  private last = '';
  private readonly stream: OutputStream;

  constructor(stream: OutputStream) {
    this.stream = stream;
  }

  update(progress: ProgressUpdate): void {
    const percent = progress.total === 0 ? 0 : Math.round((progress.done / progress.total) * 100);
    const key = `${progress.label}|${progress.step}|${progress.done}|${progress.total}`;
    // One line per change: a poll that saw nothing new writes nothing.
    if (key === this.last) return;
    this.last = key;
    this.stream.write(
      `${progress.label}: ${progress.done}/${progress.total} (${percent}%) ${progress.step}, ETA ${eta(progress.etaSeconds)}\n`,
    );
  }

  line(text: string): void {
    this.stream.write(`${text}\n`);
  }

  stop(): void {
    // Nothing on screen to end.
  }
}
