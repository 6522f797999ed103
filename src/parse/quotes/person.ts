/** Who the quote stage knows of: people and organisations the article names, and where it names them. */

export type Gender = 'male' | 'female' | 'unknown';

/** Someone the article has named. */
export interface Person {
  readonly name: string;
  readonly roles: Set<string>;
  /** The first role the article gives them, as written: "Russian presidential aide". */
  role: string | null;
  gender: Gender;
  readonly org: boolean;
  /** Something says this is a person: a known first name, a title or role, a gendered word, having spoken. */
  evidence: boolean;
}

/** A person mentioned at a place in the text, for recency. */
export interface Mention {
  readonly person: Person;
  readonly paragraph: number;
  readonly index: number;
  /** Inside a quotation: a name the speaker said, not a possible speaker. */
  readonly quoted: boolean;
}
