// The list the benchmarks import: a Viasna-shaped machine export of distinct people,
// with a realistic spread of surnames (a few common ones, very many rare ones).

import { nameMatchKeys } from "#app/names/match-keys.ts";

const BAD_EVERY = 100; // one row in a hundred is broken on purpose (an error row, not a person)

export const VIASNA_MACHINE_HEADER =
  "id,url,name,status,gender,photo,description,birthday,arrested,articles,prison,declaration,decision,penalty,judge,councel,penalty_start_date,release_date,verdict_date,appeal_date,fake_terrorist_list,died,clusters";

/** mulberry32: 32-bit state, full period, no floating-point precision loss. */
export function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

// A few common surnames and very many rare ones, as in real lists.
const COMMON: [be: string, ru: string, latin: string][] = [
  ["Кастусёў", "Костусев", "Kastusiou"],
  ["Лабановіч", "Лобанович", "Labanovich"],
  ["Сідарэнка", "Сидоренко", "Sidarenka"],
  ["Новік", "Новик", "Novik"],
  ["Жук", "Жук", "Zhuk"],
  ["Мельнік", "Мельник", "Melnik"],
  ["Кавалёў", "Ковалёв", "Kavaliou"],
  ["Марозаў", "Морозов", "Marozau"],
];
const SYLLABLES: [cyr: string, latin: string][] = [
  ["ка", "ka"],
  ["ла", "la"],
  ["ра", "ra"],
  ["ма", "ma"],
  ["на", "na"],
  ["до", "do"],
  ["бу", "bu"],
  ["лі", "li"],
  ["сі", "si"],
  ["ту", "tu"],
  ["ва", "va"],
  ["га", "ha"],
  ["зе", "ze"],
  ["пе", "pe"],
  ["ры", "ry"],
  ["да", "da"],
  ["ко", "ko"],
  ["мі", "mi"],
  ["са", "sa"],
  ["бо", "bo"],
  ["ця", "tsia"],
  ["ша", "sha"],
  ["жу", "zhu"],
  ["ля", "lia"],
];
const SUFFIXES: [be: string, ru: string, latin: string][] = [
  ["віч", "вич", "vich"],
  ["енка", "енко", "enka"],
  ["скі", "ский", "ski"],
  ["ук", "ук", "uk"],
  ["ік", "ик", "ik"],
  ["ёнак", "ёнок", "ionak"],
];
const GIVEN: [be: string, ru: string, latin: string][] = [
  ["Рыгор", "Григорий", "Ryhor"],
  ["Алесь", "Александр", "Ales"],
  ["Зміцер", "Дмитрий", "Zmitser"],
  ["Сяргей", "Сергей", "Siarhei"],
  ["Ігар", "Игорь", "Ihar"],
  ["Андрэй", "Андрей", "Andrei"],
  ["Мікола", "Николай", "Mikola"],
  ["Павел", "Павел", "Pavel"],
  ["Уладзімір", "Владимир", "Uladzimir"],
  ["Яўген", "Евгений", "Yauhen"],
  ["Віктар", "Виктор", "Viktar"],
  ["Юрый", "Юрий", "Yury"],
  ["Марыя", "Мария", "Maryia"],
  ["Вольга", "Ольга", "Volha"],
  ["Алена", "Елена", "Alena"],
  ["Таццяна", "Татьяна", "Tatsiana"],
];
const PATRONYMICS = [
  "Іванавіч",
  "Пятровіч",
  "Сяргеевіч",
  "Мікалаевіч",
  "Аляксандравіч",
  "Іванович",
  "Петрович",
  "Сергеевич",
  "",
];
const FACILITIES = [
  "ИК №4\n246035, г. Гомель, ул. Антошкина, 3",
  "ИК №2\n213800, г. Бобруйск, ул. Сикорского, 1",
  "СИЗО №1\n220030, г. Минск, ул. Володарского, 2",
  "ИК №15\n212013, г. Могилёв, ул. Крупской, 99а",
  "ИК №17\n213010, г. Шклов, ул. Ленина, 1",
  "Тюрьма №1\n230023, г. Гродно, ул. Кирова, 1",
  "Тюрьма №8\n222163, г. Жодино, ул. Советская, 22а",
  "ИК №3\n211322, Витебский р-н, п. Витьба",
  "ИУОТ №2\n213410, г. Горки, ул. Дзержинского, 1",
];
const STATUSES = ["active", "active", "active", "former"];

function csvCell(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A Viasna-shaped machine export of `people` distinct people (distinct by name and date of birth), plus broken rows. */
export function generateList(people: number): { csv: Buffer; people: number; badRows: number } {
  const next = mulberry32(20_261_204);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  const surname = (): [string, string, string] => {
    if (next() < 0.15) return pick(COMMON);
    const count = 2 + Math.floor(next() * 2);
    let cyr = "";
    let lat = "";
    for (let i = 0; i < count; i++) {
      const [c, l] = pick(SYLLABLES);
      cyr += c;
      lat += l;
    }
    const [be, ru, latin] = pick(SUFFIXES);
    const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
    return [cap(cyr + be), cap(cyr + ru), cap(lat + latin)];
  };
  const lines = [VIASNA_MACHINE_HEADER];
  const seen = new Set<string>();
  let produced = 0;
  let badRows = 0;
  let id = 100_000;
  while (produced < people) {
    id++;
    if (id % BAD_EVERY === 57) {
      lines.push(`${id},,Иванов,active,,,,31.02.1990,,,,,,,,,,,,,,,`); // a one-word name and an impossible date
      badRows++;
      continue;
    }
    const [sBe, sRu] = surname();
    const [gBe, gRu] = pick(GIVEN);
    const belarusian = next() < 0.6;
    const name = belarusian ? `${sBe} ${gBe} ${pick(PATRONYMICS)}`.trim() : `${sRu} ${gRu} ${pick(PATRONYMICS)}`.trim();
    const year = 1950 + Math.floor(next() * 55);
    const month = 1 + Math.floor(next() * 12);
    const day = 1 + Math.floor(next() * 28);
    const dob = `${String(day).padStart(2, "0")}.${String(month).padStart(2, "0")}.${year}`;
    // Distinct as the registry tells people apart: by name keys across scripts and spellings, and the date of birth.
    const [family, given, patronymic = null] = name.split(" ");
    const keys = nameMatchKeys({ surname: family, givenName: given, patronymic }).filter((k) =>
      k.startsWith("person:"),
    );
    const person = `${keys.join(",")}|${dob}`;
    if (seen.has(person)) continue;
    seen.add(person);
    const status = pick(STATUSES);
    const prison = status === "former" ? "освобожден" : pick(FACILITIES);
    const release =
      status === "former"
        ? `${String(1 + Math.floor(next() * 28)).padStart(2, "0")}.0${1 + Math.floor(next() * 9)}.2025`
        : "";
    const cells = [
      String(id),
      "",
      name,
      status,
      "",
      "",
      "",
      dob,
      "15.08.2021",
      "ч. 1 ст. 342 УК",
      prison,
      "",
      "",
      "лишение свободы",
      "",
      "",
      "",
      release,
      "",
      "",
      "",
      "",
      "",
    ];
    lines.push(cells.map(csvCell).join(","));
    produced++;
  }
  if (seen.size !== people) throw new Error(`The generator produced ${seen.size} distinct people, not ${people}`);
  return { csv: Buffer.from(lines.join("\n") + "\n", "utf8"), people: seen.size, badRows };
}
