/** Implementation details of the SDK core. Not a public API: may change in any release. */
@NullMarked
package ru.gospubliki.internal;

import org.jspecify.annotations.NullMarked;
