/** Parses the two duration spellings Azure configuration uses: host.json's `[d.]hh:mm:ss[.fff]` and ISO 8601 `PT1M`. */
export function parseDurationMs(text: string): number {
  const trimmed = text.trim();
  const timeSpan = /^(?:(\d+)\.)?(\d{1,2}):(\d{2}):(\d{2})(?:\.(\d{1,7}))?$/.exec(trimmed);
  if (timeSpan) {
    const [, days = '0', hours = '0', minutes = '0', seconds = '0', fraction = '0'] = timeSpan;
    return (
      ((Number(days) * 24 + Number(hours)) * 60 + Number(minutes)) * 60_000 +
      Number(seconds) * 1000 +
      Math.round(Number(`0.${fraction}`) * 1000)
    );
  }
  const iso =
    /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i.exec(
      trimmed,
    );
  if (iso && trimmed.length > 1 && !/T$/i.test(trimmed)) {
    const [, days = '0', hours = '0', minutes = '0', seconds = '0'] = iso;
    return Math.round(
      (((Number(days) * 24 + Number(hours)) * 60 + Number(minutes)) * 60 + Number(seconds)) * 1000,
    );
  }
  throw new Error(`'${text}' is not a duration (expected hh:mm:ss or ISO 8601 like PT1M).`);
}
