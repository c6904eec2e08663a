import { useT } from "#app/i18n/react.tsx";

interface Flags {
  humanitarian: boolean;
  incommunicado: boolean;
  doNotWrite: boolean;
  relativesOnly: boolean;
  needsReview?: boolean;
}

export function PrisonerFlags({ prisoner }: { prisoner: Flags }) {
  const t = useT();
  return (
    <ul className="badges">
      {prisoner.humanitarian ? <li className="badge badge-warm">{t("prisoners.humanitarian")}</li> : null}
      {prisoner.incommunicado ? <li className="badge">{t("prisoners.incommunicado")}</li> : null}
      {prisoner.doNotWrite ? <li className="badge badge-stop">{t("prisoners.doNotWrite")}</li> : null}
      {prisoner.relativesOnly ? <li className="badge">{t("prisoners.relativesOnly")}</li> : null}
      {prisoner.needsReview ? <li className="badge badge-pending">{t("prisoners.needsReview")}</li> : null}
    </ul>
  );
}
