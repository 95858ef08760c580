package io.tlsdoctor.core.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The first {@code limit} of a stream of items in an order, and how many items there were, holding no more than
 * {@code limit} of them at a time: what a summary shows of hundreds of thousands of remotes.
 */
final class Top<T> {

    private final int limit;
    private final Comparator<? super T> order;
    /** The kept items, the one that comes last in {@link #order} at the head, so it is the one to drop. */
    private final PriorityQueue<T> kept;

    private long seen;

    Top(int limit, Comparator<? super T> order) {
        this.limit = limit;
        this.order = order;
        this.kept = new PriorityQueue<>(limit + 1, order.reversed());
    }

    void offer(T item) {
        seen++;
        if (limit == 0) {
            return;
        }
        if (kept.size() < limit) {
            kept.add(item);
        } else if (order.compare(item, kept.peek()) < 0) {
            kept.poll();
            kept.add(item);
        }
    }

    /** How many items were offered. */
    long seen() {
        return seen;
    }

    /** The kept items, first first. */
    List<T> inOrder() {
        List<T> out = new ArrayList<>(kept);
        out.sort(order);
        return out;
    }
}
