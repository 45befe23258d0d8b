import { randomInt } from 'node:crypto';

// The official Ukrainian romanisation (Cabinet of Ministers resolution 55 of 2010).
const INNER: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'h', ґ: 'g', д: 'd', е: 'e', є: 'ie', ж: 'zh', з: 'z', и: 'y', і: 'i', ї: 'i', й: 'i',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch',
  ш: 'sh', щ: 'shch', ь: '', ю: 'iu', я: 'ia',
};
const INITIAL: Record<string, string> = { є: 'ye', ї: 'yi', й: 'y', ю: 'yu', я: 'ya' };

/** Latin letters for a Ukrainian word (Шевченко -> shevchenko, Юлія -> yuliia). */
export function transliterate(word: string): string {
  const w = word.toLowerCase().replace(/['’ʼ`]/g, '').replace(/зг/g, 'zgh');
  let out = '';
  for (let i = 0; i < w.length; i++) {
    const ch = w[i];
    const atStart = i === 0 || !/\p{L}/u.test(w[i - 1]);
    if (atStart && INITIAL[ch]) out += INITIAL[ch];
    else if (ch in INNER) out += INNER[ch];
    else if (/[a-z0-9]/.test(ch)) out += ch;
    else if (ch === '-' || ch === ' ') out += '-';
  }
  return out.replace(/-+/g, '-').replace(/^-|-$/g, '');
}

/** The login stem for a person: surname and first initial (shevchenko.t). */
export function loginStem(lastName: string, firstName: string): string {
  const last = transliterate(lastName).slice(0, 40) || 'user';
  const first = transliterate(firstName).slice(0, 1);
  return first ? `${last}.${first}` : last;
}

/** The first free login for each stem, given the logins already taken (and those picked now). */
export function pickLogins(stems: string[], taken: Iterable<string>): string[] {
  const used = new Set(taken);
  return stems.map((stem) => {
    let login = stem;
    for (let n = 2; used.has(login); n++) login = `${stem}${n}`;
    used.add(login);
    return login;
  });
}

// No 0/O, 1/l/I: read aloud or copied from paper without mistakes.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A one-time password of 12 characters, shown once to the administrator. */
export function oneTimePassword(length = 12): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}
