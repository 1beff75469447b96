package dev.papernotes.bench;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * Decides, page by page, which papers a page lists: mostly new papers (numbered in order), and a
 * share of papers that already appeared on one of the last few pages, as on real daily-papers
 * pages. A few "hot" papers come back more than once, which gives the seed's long tail of
 * occurrence counts. Only the last {@link #WINDOW} pages and {@link #HOT} recent repeats are
 * remembered, so planning a corpus of any size takes constant memory.
 */
final class PagePlanner {
    static final int WINDOW = 30;
    static final int HOT = 64;
    static final double HOT_SHARE = 0.12;
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"};

    record Page(int index, String date, long[] papers, int repeats, Damage damage, long damageSeed) {
    }

    private final long seed;
    private final long papers;
    private final int perPage;
    private final double duplicates;
    private final double damage;
    private final Rng rng;
    private final ArrayDeque<long[]> recent = new ArrayDeque<>();
    private final long[] hot = new long[HOT];
    private int hotCount;
    private int hotPos;
    private long nextNew;
    private int pageIndex;
    private LocalDate date = LocalDate.of(2024, 3, 11);

    PagePlanner(long seed, long papers, int perPage, double duplicates, double damage) {
        this.seed = seed;
        this.papers = papers;
        this.perPage = perPage;
        this.duplicates = duplicates;
        this.damage = damage;
        this.rng = new Rng(Rng.streamSeed(seed, 7));
    }

    boolean hasNext() {
        return nextNew < papers;
    }

    Page next() {
        int k = Math.max(1, (int) Math.round(perPage * (0.75 + 0.5 * rng.nextDouble())));
        long[] list = new long[k];
        int n = 0;
        int repeats = 0;
        long firstNew = nextNew;
        while (n < k && nextNew < papers) {
            long id = -1;
            if (!recent.isEmpty() && rng.chance(duplicates)) {
                id = pickRepeat(list, n);
            }
            if (id >= 0) {
                repeats++;
            } else {
                id = nextNew++;
            }
            list[n++] = id;
        }
        recent.addLast(new long[] {firstNew, nextNew});
        if (recent.size() > WINDOW) {
            recent.removeFirst();
        }
        Damage d = null;
        long dSeed = 0;
        if (damage > 0) {
            Rng dr = new Rng(Rng.streamSeed(seed, 8, pageIndex));
            if (dr.chance(damage)) {
                d = Damage.values()[dr.nextInt(Damage.values().length)];
                dSeed = dr.nextLong();
            }
        }
        Page page = new Page(pageIndex++, dateLine(date), n == k ? list : Arrays.copyOf(list, n), repeats, d, dSeed);
        date = nextWeekday(date);
        return page;
    }

    private long pickRepeat(long[] list, int n) {
        for (int attempt = 0; attempt < 10; attempt++) {
            long id;
            if (hotCount > 0 && rng.chance(HOT_SHARE)) {
                id = hot[rng.nextInt(hotCount)];
            } else {
                double u = rng.nextDouble();
                int back = 1 + (int) (recent.size() * u * u); // recent pages more likely
                long[] range = nth(recent.size() - Math.min(back, recent.size()));
                if (range[1] <= range[0]) {
                    continue;
                }
                id = range[0] + (long) (rng.nextDouble() * (range[1] - range[0]));
            }
            if (!contains(list, n, id)) {
                hot[hotPos] = id;
                hotPos = (hotPos + 1) % HOT;
                hotCount = Math.min(hotCount + 1, HOT);
                return id;
            }
        }
        return -1;
    }

    private long[] nth(int i) {
        int j = 0;
        for (long[] r : recent) {
            if (j++ == i) {
                return r;
            }
        }
        throw new IllegalStateException();
    }

    private static boolean contains(long[] list, int n, long id) {
        for (int i = 0; i < n; i++) {
            if (list[i] == id) {
                return true;
            }
        }
        return false;
    }

    static String dateLine(LocalDate d) {
        return MONTHS[d.getMonthValue() - 1] + " " + d.getDayOfMonth();
    }

    private static LocalDate nextWeekday(LocalDate d) {
        LocalDate n = d.plusDays(1);
        while (n.getDayOfWeek() == DayOfWeek.SATURDAY || n.getDayOfWeek() == DayOfWeek.SUNDAY) {
            n = n.plusDays(1);
        }
        return n;
    }
}
