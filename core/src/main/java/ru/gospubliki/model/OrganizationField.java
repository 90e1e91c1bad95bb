package ru.gospubliki.model;

/**
 * The optional facts a registry gives about an {@link Organization}. A registry that has no column
 * for one lists it in {@link Organization#undeclaredFields()}: a rule that needs it answers {@code
 * UNKNOWN} (the registry does not say) instead of failing (the registry says nothing is there).
 */
public enum OrganizationField {
  DISTRICT,
  KIND,
  INN,
  OGRN,
  EMAIL,
  SITE,
  RESPONSIBLE,
  RESPONSIBLE_CONTACT,
  CONNECTED,
  RESPONSIBLE_ORDER,
  ACCOUNT_POLICY,
  QR_CODES
}
