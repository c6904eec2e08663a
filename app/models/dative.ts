/**
 * The recipient's name in the dative case, as Russian envelopes write it
 * ("Кому: Иванову Ивану Ивановичу"). Rules for the common patterns of Russian and
 * Belarusian (Russian-spelt) names; a name the rules cannot be sure of is left in the
 * nominative, and a coordinator can set the exact form on the prisoner's record.
 */

export type Gender = "male" | "female";

export interface NameParts {
  surname: string;
  givenName: string;
  patronymic?: string | null;
}

/** Given names whose stem loses a vowel ("Павел" → "Павлу"). */
const MALE_GIVEN_EXCEPTIONS: Record<string, string> = { Павел: "Павлу", Лев: "Льву", Пётр: "Петру", Петр: "Петру" };

/** Endings no case changes: Шевченко, Бабарико, Дурново, Гёте, Ковалёвых, Живаго. */
const INDECLINABLE = /(о|е|э|и|ы|у|ю|их|ых)$/u;

function keepCase(source: string, result: string): string {
  return source === source.toUpperCase() && source.length > 1 ? result.toUpperCase() : result;
}

function surnameDative(surname: string, gender: Gender): string {
  const s = surname;
  const lower = s.toLowerCase();
  // A double surname declines in each part ("Римский-Корсаков").
  if (s.includes("-"))
    return s
      .split("-")
      .map((part) => surnameDative(part, gender))
      .join("-");
  if (INDECLINABLE.test(lower)) return s;
  if (gender === "male") {
    if (/(ов|ев|ёв|ин|ын)$/u.test(lower)) return s + "у";
    // Belarusian spelling: Кастусёў → Кастусёву.
    if (/(оў|еў|ёў)$/u.test(lower)) return s.slice(0, -1) + "ву";
    if (/(ский|цкий|кий|гий|хий|ый|ой)$/u.test(lower)) return s.slice(0, -2) + "ому";
    if (/ий$/u.test(lower)) return s.slice(0, -2) + "ему";
    if (/ия$/u.test(lower)) return s.slice(0, -1) + "и";
    if (/[ая]$/u.test(lower)) return s.slice(0, -1) + "е";
    if (/[ьй]$/u.test(lower)) return s.slice(0, -1) + "ю";
    if (/[бвгджзклмнпрстфхцчшщ]$/u.test(lower)) return s + "у";
    return s;
  }
  if (/ая$/u.test(lower)) return s.slice(0, -2) + "ой";
  if (/(ова|ева|ёва|ина|ына)$/u.test(lower)) return s.slice(0, -1) + "ой";
  if (/яя$/u.test(lower)) return s.slice(0, -2) + "ей";
  if (/ия$/u.test(lower)) return s.slice(0, -1) + "и";
  if (/[ая]$/u.test(lower)) return s.slice(0, -1) + "е";
  // A woman's surname ending in a consonant does not change (Шевчук, Ходкевич).
  return s;
}

function givenDative(given: string, gender: Gender): string {
  const g = given;
  const lower = g.toLowerCase();
  if (INDECLINABLE.test(lower)) return g;
  if (gender === "male" && MALE_GIVEN_EXCEPTIONS[g]) return MALE_GIVEN_EXCEPTIONS[g];
  if (/ия$/u.test(lower)) return g.slice(0, -1) + "и";
  if (/[ая]$/u.test(lower)) return g.slice(0, -1) + "е";
  if (/ий$/u.test(lower)) return g.slice(0, -1) + "ю";
  if (/й$/u.test(lower)) return g.slice(0, -1) + "ю";
  if (/ь$/u.test(lower)) return gender === "male" ? g.slice(0, -1) + "ю" : g.slice(0, -1) + "и";
  if (gender === "male" && /[бвгджзклмнпрстфхцчшщ]$/u.test(lower)) return g + "у";
  return g;
}

function patronymicDative(patronymic: string): string {
  const lower = patronymic.toLowerCase();
  if (/(ич|іч)$/u.test(lower)) return patronymic + "у";
  if (/(вна|ўна|чна|шна)$/u.test(lower)) return patronymic.slice(0, -1) + "е";
  return patronymic;
}

/** Gender from the patronymic when there is one (-ич / -на), else the record's. */
export function nameGender(name: NameParts, recorded: string | null | undefined): Gender | null {
  const patronymic = (name.patronymic ?? "").toLowerCase();
  if (/(ич|ыч|іч)$/u.test(patronymic)) return "male";
  if (/(на)$/u.test(patronymic)) return "female";
  if (recorded === "male" || recorded === "female") return recorded;
  return null;
}

/**
 * "Иванов Иван Иванович" → "Иванову Ивану Ивановичу"; null when the name is not in
 * Cyrillic or its gender cannot be told (the nominative is printed then).
 */
export function dativeName(name: NameParts, recordedGender?: string | null): string | null {
  const gender = nameGender(name, recordedGender);
  if (!gender) return null;
  if (![name.surname, name.givenName].every((part) => /^[А-ЯЁЎІа-яёўі'’-]+$/u.test(part.trim()))) return null;
  const parts = [
    keepCase(name.surname.trim(), surnameDative(name.surname.trim(), gender)),
    givenDative(name.givenName.trim(), gender),
    name.patronymic?.trim() ? patronymicDative(name.patronymic.trim()) : "",
  ];
  return parts.filter(Boolean).join(" ");
}
