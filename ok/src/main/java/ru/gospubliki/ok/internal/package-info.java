/** Implementation of the OK adapter: API client, request signing, JSON, rate limiting, mapping. */
@NullMarked
package ru.gospubliki.ok.internal;

import org.jspecify.annotations.NullMarked;
