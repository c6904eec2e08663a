/** An address laid out for an envelope, one printed line per line (Cyrillic, country last). */
export function EnvelopeAddress({ lines }: { lines: string[] }) {
  return (
    <address className="envelope" lang="ru" data-testid="envelope-address">
      {lines.map((line, i) => (
        <span key={i}>
          {line}
          <br />
        </span>
      ))}
    </address>
  );
}
