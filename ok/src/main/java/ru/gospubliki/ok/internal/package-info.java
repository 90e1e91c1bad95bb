/**
 * Implementation of the OK adapter: reading ({@code OkReader}), writing ({@code OkPublisher},
 * {@code DraftCheck}, {@code PhotoUploader}), the API client, request signing, JSON, rate limiting
 * and mapping.
 */
@NullMarked
package ru.gospubliki.ok.internal;

import org.jspecify.annotations.NullMarked;
