/**
 * The VK (ВКонтакте) adapter: {@link ru.gospubliki.vk.VkPlatform} reads communities in bulk and
 * publishes to them through the VK API, and the {@code Vk*Exception} types say precisely what VK
 * refused.
 */
@NullMarked
package ru.gospubliki.vk;

import org.jspecify.annotations.NullMarked;
