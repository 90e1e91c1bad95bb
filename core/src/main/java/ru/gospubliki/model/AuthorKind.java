package ru.gospubliki.model;

/** Who published a post: the community itself, or a person (from a personal profile). */
public enum AuthorKind {
  COMMUNITY,
  PERSON
}
