package ru.gospubliki.platform;

/** What a platform adapter can do with the credentials it was given. */
public enum Operation {
  READ_PROFILES,
  READ_POSTS,
  PUBLISH,
  SCHEDULE,
  UPLOAD_PHOTOS,
  EDIT,
  DELETE
}
