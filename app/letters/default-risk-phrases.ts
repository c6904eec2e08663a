import type { RiskPhrase } from "./guidance";

/**
 * Words and phrases a prison censor is likely to stop (see DOMAIN.md,
 * "Letters: what gets through"). Matching rules are in guidance.ts:
 *  - an entry is a word STEM matched at the start of a word, case-insensitive,
 *    ё = е and ў = у: "свобод" matches "свободы", "Свабоду" needs "свабод";
 *  - in a multi-word entry the words before the last are whole words;
 *  - an entry in CAPITALS matches whole words only ("ЕС" does not match "если",
 *    "МЕНТ" does not match "ментальный").
 * Stems are chosen to avoid everyday words: "суд" (судьба), "дело" (в чём дело),
 * "код" (кодекс), "мусор" (garbage), "выбор" (choice) and "вясна" (spring, but
 * also the Viasna centre) are deliberately absent or narrowed.
 */
export const DEFAULT_RISK_PHRASES: RiskPhrase[] = [
  // Politics
  { phrase: "Лукашенк", language: "ru", category: "politics" },
  { phrase: "Лукашэнк", language: "be", category: "politics" },
  { phrase: "режим", language: "ru", category: "politics" },
  { phrase: "рэжым", language: "be", category: "politics" },
  { phrase: "выборы", language: "ru", category: "politics" },
  { phrase: "выбары", language: "be", category: "politics" },
  { phrase: "оппозици", language: "ru", category: "politics" },
  { phrase: "апазіцы", language: "be", category: "politics" },
  { phrase: "протест", language: "ru", category: "politics" },
  { phrase: "пратэст", language: "be", category: "politics" },
  { phrase: "революци", language: "ru", category: "politics" },
  { phrase: "рэвалюцы", language: "be", category: "politics" },
  { phrase: "Тихановск", language: "ru", category: "politics" },
  { phrase: "Ціханоўск", language: "be", category: "politics" },
  { phrase: "Путин", language: "ru", category: "politics" },
  { phrase: "Пуцін", language: "be", category: "politics" },
  { phrase: "власт", language: "ru", category: "politics" },
  { phrase: "улада", language: "be", category: "politics" },
  { phrase: "полити", language: "ru", category: "politics" },
  { phrase: "паліты", language: "be", category: "politics" },
  { phrase: "политзаключ", language: "ru", category: "politics" },
  { phrase: "палітвязн", language: "be", category: "politics" },
  { phrase: "БЧБ", language: "any", category: "politics" },

  // The war
  { phrase: "войн", language: "ru", category: "war" },
  { phrase: "вайн", language: "be", category: "war" },
  { phrase: "СВО", language: "ru", category: "war" },
  { phrase: "мобилизац", language: "ru", category: "war" },
  { phrase: "мабілізац", language: "be", category: "war" },
  { phrase: "фронт", language: "any", category: "war" },
  { phrase: "арми", language: "ru", category: "war" },
  { phrase: "армі", language: "be", category: "war" },
  { phrase: "ВСУ", language: "ru", category: "war" },

  // The case
  { phrase: "статья", language: "ru", category: "case" },
  { phrase: "артыкул", language: "be", category: "case" },
  { phrase: "уголовн", language: "ru", category: "case" },
  { phrase: "крымінальн", language: "be", category: "case" },
  { phrase: "следовател", language: "ru", category: "case" },
  { phrase: "следч", language: "be", category: "case" },
  { phrase: "адвокат", language: "ru", category: "case" },
  { phrase: "адвакат", language: "be", category: "case" },
  { phrase: "приговор", language: "ru", category: "case" },
  { phrase: "прысуд", language: "be", category: "case" },
  { phrase: "экстремис", language: "ru", category: "case" },

  // Freedom
  { phrase: "свобод", language: "ru", category: "freedom" },
  { phrase: "свабод", language: "be", category: "freedom" },
  { phrase: "воля", language: "any", category: "freedom" },
  { phrase: "на волю", language: "any", category: "freedom" },
  { phrase: "освобожд", language: "ru", category: "freedom" },
  { phrase: "freedom", language: "en", category: "freedom" },

  // Fight
  { phrase: "борьб", language: "ru", category: "fight" },
  { phrase: "барацьб", language: "be", category: "fight" },
  { phrase: "борот", language: "ru", category: "fight" },
  { phrase: "змага", language: "be", category: "fight" },
  { phrase: "сопротивл", language: "ru", category: "fight" },
  { phrase: "супраціў", language: "be", category: "fight" },
  { phrase: "партизан", language: "ru", category: "fight" },
  { phrase: "партызан", language: "be", category: "fight" },

  // Slogans
  { phrase: "Жыве Беларусь", language: "be", category: "slogan" },
  { phrase: "Живе Беларусь", language: "ru", category: "slogan" },
  { phrase: "Слава Украине", language: "ru", category: "slogan" },
  { phrase: "Слава Украіне", language: "be", category: "slogan" },
  { phrase: "Героям слава", language: "any", category: "slogan" },
  { phrase: "Верым, можам, пераможам", language: "be", category: "slogan" },
  { phrase: "Верим, можем, победим", language: "ru", category: "slogan" },
  { phrase: "Slava Ukraini", language: "en", category: "slogan" },
  { phrase: "Free Belarus", language: "en", category: "slogan" },

  // Ciphers and hidden meanings
  { phrase: "шифр", language: "ru", category: "cipher" },
  { phrase: "шыфр", language: "be", category: "cipher" },
  { phrase: "кодов", language: "ru", category: "cipher" },
  { phrase: "между строк", language: "ru", category: "cipher" },
  { phrase: "паміж радкоў", language: "be", category: "cipher" },

  // Abbreviations (capitals: whole words only)
  { phrase: "ИМХО", language: "ru", category: "abbreviation" },
  { phrase: "ЛОЛ", language: "ru", category: "abbreviation" },
  { phrase: "ОМОН", language: "ru", category: "abbreviation" },
  { phrase: "АМАП", language: "be", category: "abbreviation" },
  { phrase: "КГБ", language: "ru", category: "abbreviation" },
  { phrase: "КДБ", language: "be", category: "abbreviation" },
  { phrase: "ГУБОПиК", language: "ru", category: "abbreviation" },
  { phrase: "ЕС", language: "any", category: "abbreviation" },
  { phrase: "ДР", language: "ru", category: "abbreviation" },
  { phrase: "IMHO", language: "en", category: "abbreviation" },

  // Insults to officials
  { phrase: "МЕНТ", language: "ru", category: "insult" },
  { phrase: "менты", language: "ru", category: "insult" },
  { phrase: "ментов", language: "ru", category: "insult" },
  { phrase: "мусора", language: "ru", category: "insult" },
  { phrase: "сатрап", language: "any", category: "insult" },
  { phrase: "таракан", language: "any", category: "insult" },
  { phrase: "вертухай", language: "ru", category: "insult" },
  { phrase: "ябатьк", language: "any", category: "insult" },

  // Other
  { phrase: "голодовк", language: "ru", category: "other" },
  { phrase: "галадоўк", language: "be", category: "other" },
];
