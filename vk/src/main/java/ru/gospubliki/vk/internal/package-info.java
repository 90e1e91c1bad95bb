/** Implementation of the VK adapter: HTTP client, JSON reading, rate limiting, retries, mapping. */
@NullMarked
package ru.gospubliki.vk.internal;

import org.jspecify.annotations.NullMarked;
