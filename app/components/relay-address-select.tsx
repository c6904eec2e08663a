import { useT } from "#app/i18n/react.tsx";

/** The NGO relay addresses coordinators keep, offered instead of a sender's own address. */
export function RelayAddressSelect({
  id,
  label,
  addresses,
  onChoose,
}: {
  id: string;
  label: string;
  addresses: string[];
  onChoose: (address: string) => void;
}) {
  const t = useT();
  if (addresses.length === 0) return null;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        defaultValue=""
        onChange={(event) => {
          if (event.target.value) onChoose(event.target.value);
        }}
      >
        <option value="">{t("common.none")}</option>
        {addresses.map((address) => (
          <option key={address} value={address}>
            {address.split("\n")[0]}
          </option>
        ))}
      </select>
    </div>
  );
}
