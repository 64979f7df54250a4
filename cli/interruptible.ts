/**
 * Long CLI work that Ctrl-C stops cleanly: the work gets an AbortSignal that SIGINT aborts; when it
 * then fails, `onStop` runs (stop progress bars, emit a JSON-lines event), one line says nothing was
 * written, and the process exits with 130. Outputs are written by the caller after the work, so an
 * interrupted run leaves no half-written file.
 */
export async function untilInterrupted<T>(work: (signal: AbortSignal) => Promise<T>, onStop: (interrupted: boolean) => void = () => undefined): Promise<T> {
  const ctl = new AbortController();
  const onSigint = (): void => ctl.abort();
  process.once('SIGINT', onSigint);
  try {
    return await work(ctl.signal);
  } catch (e) {
    onStop(ctl.signal.aborted);
    if (ctl.signal.aborted) {
      process.stderr.write('tokenlab: interrupted; nothing was written\n');
      process.exit(130);
    }
    throw e;
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
}
