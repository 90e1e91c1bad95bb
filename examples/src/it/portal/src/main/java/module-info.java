/** The portal, as a module: it names the SDK's modules it uses and nothing else. */
module consumer {
  requires ru.gospubliki.core;
  requires ru.gospubliki.vk;
  requires ru.gospubliki.ok;
  requires ru.gospubliki.max;
}
