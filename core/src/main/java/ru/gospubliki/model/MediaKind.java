package ru.gospubliki.model;

/** Kinds of attachment a post carries. */
public enum MediaKind {
  PHOTO,
  VIDEO,
  LINK,
  DOCUMENT,
  POLL,
  AUDIO,
  OTHER
}
