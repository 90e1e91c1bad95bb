package ru.gospubliki.audit;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ru.gospubliki.model.AuthorKind;
import ru.gospubliki.model.MarkStatus;
import ru.gospubliki.model.MediaKind;
import ru.gospubliki.model.Organization;
import ru.gospubliki.model.OrganizationKind;
import ru.gospubliki.model.PageRef;
import ru.gospubliki.model.PlatformId;
import ru.gospubliki.model.Post;
import ru.gospubliki.model.PostDraft;
import ru.gospubliki.model.ProfileSnapshot;
import ru.gospubliki.model.WallAccess;
import ru.gospubliki.platform.Capabilities;
import ru.gospubliki.platform.FetchResult;
import ru.gospubliki.platform.Operation;
import ru.gospubliki.platform.Platform;
import ru.gospubliki.registry.Registry;
import ru.gospubliki.rules.Policy;

/**
 * The core audit benchmark (a command, not a test): evaluates the federal policy on 100,000
 * synthetic pages with 30 posts each on one thread, then audits a registry of 130,000
 * organisations read through a synthetic platform, reporting throughput and peak heap.
 *
 * <pre>
 * mvn -B -q -pl core test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -Xmx512m -cp core/target/classes:core/target/test-classes:$(cat core/target/cp.txt) ru.gospubliki.audit.AuditBenchmark
 * </pre>
 */
public final class AuditBenchmark {
  static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  static final int PAGES = 100_000;
  static final int POSTS = 30;
  static final int DISTINCT = 10_000;
  static final int REGISTRY = 130_000;

  public static void main(String[] args) {
    int pages = args.length > 0 ? Integer.parseInt(args[0]) : PAGES;
    int registrySize = args.length > 1 ? Integer.parseInt(args[1]) : REGISTRY;
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    Auditor auditor = Auditor.builder().policy(Policy.federal()).clock(clock).build();

    List<PageObservation> observations = new ArrayList<>(DISTINCT);
    List<Organization> organizations = new ArrayList<>(DISTINCT);
    for (int i = 0; i < DISTINCT; i++) {
      PageRef page = PageRef.of(PlatformId.VK, Integer.toString(i + 1));
      observations.add(PageObservation.builder().page(page)
          .profile(FetchResult.success(profile(page, i)))
          .posts(FetchResult.success(ru.gospubliki.platform.PostHistory.of(posts(page, i)))).build());
      organizations.add(organization(i, page));
    }
    long checksum = 0;
    for (int i = 0; i < 20_000; i++) { // Warm-up.
      checksum += auditor.auditPage(observations.get(i % DISTINCT), organizations.get(i % DISTINCT)).findings().size();
    }
    java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpuStart = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    for (int i = 0; i < pages; i++) {
      checksum += auditor.auditPage(observations.get(i % DISTINCT), organizations.get(i % DISTINCT)).findings().size();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    // CPU time of this thread: what one core does, even when other processes share the machine.
    System.out.printf("evaluate: %,d pages x %d posts in %.2f s wall, %.2f s CPU = %,.0f pages/s wall, "
            + "%,.0f pages per CPU-second on one thread (findings %d)%n",
        pages, POSTS, seconds, cpu, pages / seconds, pages / cpu, checksum);
    observations = null;
    organizations = null;

    Registry.Builder registry = Registry.builder();
    for (int i = 0; i < registrySize; i++) {
      registry.addOrganizations(organization(i, PageRef.of(PlatformId.VK, Integer.toString(i + 1))));
    }
    Registry built = registry.build();
    resetPeaks();
    Auditor registryAuditor = Auditor.builder().clock(clock).addPlatform(new SyntheticPlatform())
        .snapshotStore(SnapshotStore.none()).build();
    java.nio.file.Path gcLog = startGcCpuLog();
    long gcStart = gcMillis();
    long processCpuStart = processCpuNanos();
    start = System.nanoTime();
    ComplianceReport report = registryAuditor.auditRegistry(built);
    seconds = (System.nanoTime() - start) / 1e9;
    double gcPauses = (gcMillis() - gcStart) / 1e3;
    double processCpu = (processCpuNanos() - processCpuStart) / 1e9;
    double gcCpu = stopGcCpuLog(gcLog);
    System.out.printf("registry: %,d organisations audited in %.2f s (%,.0f /s), compliant pages %,d; "
            + "peak heap %,d MB of max %,d MB%n",
        report.summary().organizations(), seconds, report.summary().organizations() / seconds,
        report.summary().compliant(), peakHeap() >> 20, Runtime.getRuntime().maxMemory() >> 20);
    // CPU, not wall time: other load on the machine stretches pauses and the run alike, but not CPU.
    System.out.printf("garbage collection: %.2f s CPU in pauses of %.2f s process CPU (%.0f %%); pauses %.2f s "
            + "of %.2f s elapsed%n", gcCpu, processCpu, 100 * gcCpu / Math.max(processCpu, 1e-9), gcPauses, seconds);
  }

  static ProfileSnapshot profile(PageRef page, int i) {
    ProfileSnapshot.Builder builder = ProfileSnapshot.builder()
        .page(page)
        .name("МБОУ СОШ № " + i + " имени А. С. Пушкина")
        .screenName("school" + i)
        .description("Муниципальное бюджетное общеобразовательное учреждение: начальное, основное и среднее общее образование.")
        .postalAddress("682640, Хабаровский край, г. Амурск, пр. Мира, д. " + (i % 90 + 1))
        .addPhones(i % 7 == 0 ? "+7 701 123 45 67" : "8 (42142) 2-34-" + (10 + i % 89))
        .website("https://school" + i + ".amursk.ru")
        .workHours("Пн-Пт 8:00-17:00")
        .hasAvatar(true)
        .hasCover(i % 3 != 0)
        .isCommunity(true)
        .members((long) (100 + i % 900))
        .mark(i % 5 == 0 ? MarkStatus.ABSENT : i % 11 == 0 ? MarkStatus.UNKNOWN : MarkStatus.CONFIRMED)
        .wall(WallAccess.LIMITED)
        .commentsOpen(true)
        .takenAt(NOW);
    if (i % 4 != 0) builder.email("school" + i + "@amursk.ru");
    return builder.build();
  }

  static List<Post> posts(PageRef page, int i) {
    List<Post> posts = new ArrayList<>(POSTS);
    for (int p = 0; p < POSTS; p++) {
      boolean person = i % 13 == 0 && p == 3;
      Post.Builder post = Post.builder()
          .page(page)
          .id(Integer.toString(p + 1))
          .url("https://vk.com/wall-" + page.id() + "_" + (p + 1))
          .publishedAt(NOW.minus(Duration.ofHours(22L * p + i % 20)))
          .authorKind(person ? AuthorKind.PERSON : AuthorKind.COMMUNITY)
          .authorId(person ? "777" : page.id())
          .text(p % 2 == 0 ? "Новости школы: итоги недели #школа" + (i % 10) + " #амурск" : "Объявление для родителей")
          .views((long) (200 + p))
          .likes((long) (p % 17))
          .reposts((long) (p % 3))
          .comments((long) (p % 5))
          .pinned(p == 0 && i % 9 == 0);
      if (p % 3 != 0) post.addMedia(MediaKind.PHOTO);
      posts.add(post.build());
    }
    return posts;
  }

  static Organization organization(int i, PageRef page) {
    return Organization.builder()
        .name("МБОУ СОШ № " + i + " им. А. С. Пушкина")
        .kind(OrganizationKind.SUBORDINATE)
        .district("Район " + (i % 17))
        .responsible(i % 6 == 0 ? null : "Иванова И. И.")
        .responsibleContact(i % 6 == 0 ? null : "+7 914 123-45-67")
        .addPages(page)
        .build();
  }

  /** Generates each page's profile and posts on demand, as a platform answering instantly would. */
  static final class SyntheticPlatform implements Platform {
    @Override
    public PlatformId id() {
      return PlatformId.VK;
    }

    @Override
    public Capabilities capabilities() {
      return Capabilities.builder().platform(PlatformId.VK).operations(EnumSet.of(Operation.READ_PROFILES))
          .maxTextLength(16_384).maxMedia(10).maxPhotoBytes(1).photoMediaTypes(Set.of()).build();
    }

    @Override
    public Map<PageRef, FetchResult<PageRef>> resolve(Collection<PageRef> pages) {
      Map<PageRef, FetchResult<PageRef>> result = new LinkedHashMap<>();
      for (PageRef page : pages) result.put(page, FetchResult.success(page));
      return result;
    }

    @Override
    public Map<PageRef, FetchResult<ProfileSnapshot>> fetchProfiles(Collection<PageRef> pages) {
      Map<PageRef, FetchResult<ProfileSnapshot>> result = new LinkedHashMap<>();
      for (PageRef page : pages) result.put(page, FetchResult.success(profile(page, (int) page.numericId())));
      return result;
    }

    @Override
    public Map<PageRef, FetchResult<ru.gospubliki.platform.PostHistory>> fetchPosts(Collection<PageRef> pages,
        ru.gospubliki.platform.PostQuery query) {
      Map<PageRef, FetchResult<ru.gospubliki.platform.PostHistory>> result = new LinkedHashMap<>();
      for (PageRef page : pages) {
        result.put(page, FetchResult.success(ru.gospubliki.platform.PostHistory.of(posts(page, (int) page.numericId()))));
      }
      return result;
    }

    @Override
    public ru.gospubliki.platform.SendResult send(ru.gospubliki.platform.SendRequest request) {
      throw new UnsupportedOperationException("read-only benchmark platform");
    }

    @Override
    public ru.gospubliki.platform.PostLookup findExisting(PageRef page, PostDraft draft, Instant sentAfter) {
      throw new UnsupportedOperationException("read-only benchmark platform");
    }

    @Override
    public ru.gospubliki.platform.SendResult.Sent edit(PageRef page, String postId, PostDraft draft) {
      throw new UnsupportedOperationException("read-only benchmark platform");
    }

    @Override
    public void delete(PageRef page, String postId) {
      throw new UnsupportedOperationException("read-only benchmark platform");
    }
  }

  /** Starts logging the CPU time of each collection to a temporary file (jcmd VM.log, from inside). */
  static java.nio.file.Path startGcCpuLog() {
    try {
      java.nio.file.Path file = java.nio.file.Files.createTempFile("gospubliki-gc", ".log");
      vmLog("output=file=" + file, "what=gc+cpu=info");
      return file;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Stops the log and sums the User and Sys CPU seconds of every collection in it. */
  static double stopGcCpuLog(java.nio.file.Path file) {
    vmLog("disable");
    java.util.regex.Pattern cpu = java.util.regex.Pattern.compile("User=([0-9.]+)s Sys=([0-9.]+)s");
    double total = 0;
    try {
      for (String line : java.nio.file.Files.readAllLines(file)) {
        java.util.regex.Matcher m = cpu.matcher(line);
        if (m.find()) total += Double.parseDouble(m.group(1)) + Double.parseDouble(m.group(2));
      }
      java.nio.file.Files.deleteIfExists(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return total;
  }

  private static void vmLog(String... arguments) {
    try {
      javax.management.ObjectName command = new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand");
      ManagementFactory.getPlatformMBeanServer().invoke(command, "vmLog", new Object[] {arguments},
          new String[] {String[].class.getName()});
    } catch (javax.management.JMException e) {
      throw new IllegalStateException("cannot configure the GC log: " + e, e);
    }
  }

  /** Time spent in garbage collection pauses so far, all collectors. */
  static long gcMillis() {
    long total = 0;
    for (java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      total += Math.max(0, gc.getCollectionTime());
    }
    return total;
  }

  /** CPU time of the whole process (all threads, GC included). */
  static long processCpuNanos() {
    java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean
        ? ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() : 0;
  }

  static void resetPeaks() {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) pool.resetPeakUsage();
    }
  }

  static long peakHeap() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
    }
    return peak;
  }
}
