/** Who made a version: the person who saved it and the others who edited the shared copy since the last one. */
export type VersionPeople = { author: string; coAuthors: ReadonlyArray<{ id: string; name: string }> };

/** "Ana", "Ana with Ben", "Ana with Ben, Cy": the saver first, then co-authors in the order given. */
export function versionByline(v: VersionPeople): string {
  const others = v.coAuthors.map((c) => c.name).filter((name) => name && name !== v.author);
  return others.length ? `${v.author} with ${others.join(", ")}` : v.author;
}
