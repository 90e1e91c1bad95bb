/**
 * Implementation of the OK adapter on the SDK's shared HTTP transport: the API client ({@code
 * OkClient}: signing, OK's errors, typed answers in {@code OkAnswers}), the one table of OK's error
 * codes ({@code OkErrors}), the token pool ({@code TokenPool}), reading ({@code OkReader}),
 * publishing ({@code OkSender}, {@code PhotoUploader}, {@code Attachment}) and mapping.
 */
@NullMarked
package ru.gospubliki.ok.internal;

import org.jspecify.annotations.NullMarked;
