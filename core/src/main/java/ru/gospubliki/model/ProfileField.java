package ru.gospubliki.model;

/**
 * Profile fields a platform may be unable to report (OK has no email field, for example). A rule
 * that needs an {@linkplain ProfileSnapshot#unavailableFields() unavailable} field is
 * {@code UNKNOWN}, never failed.
 */
public enum ProfileField {
  NAME,
  SCREEN_NAME,
  DESCRIPTION,
  POSTAL_ADDRESS,
  EMAIL,
  PHONES,
  WEBSITE,
  WORK_HOURS,
  AVATAR,
  COVER,
  MEMBERS,
  WALL,
  COMMUNITY,
  /** The «Госорганизация» mark: a platform without one (MAX) lists it, and {@code GOV_MARK} does not apply. */
  MARK
}
