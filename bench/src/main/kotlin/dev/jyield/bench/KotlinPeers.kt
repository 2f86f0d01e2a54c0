package dev.jyield.bench

/**
 * Kotlin's twins of the jyield bodies measured in [PullBench] and [RetainedHeap], written as a Kotlin programmer
 * would. Each returns the sequence's iterator so that the Java benchmark drains it with the same loop as the
 * jyield generator.
 */
object KotlinPeers {
    /** `sequence { for (i in 0 until n) yield(i) }`: the single pulled generator. */
    @JvmStatic
    fun upTo(n: Int): Iterator<Int> = sequence { for (i in 0 until n) yield(i) }.iterator()

    /** `(0 until n).asSequence().map { it * 2 }.filter { it % 3 == 0 }`: the pulled pipeline. */
    @JvmStatic
    fun mapFilter(n: Int): Iterator<Int> = (0 until n).asSequence().map { it * 2 }.filter { it % 3 == 0 }.iterator()

    /** `(0 until n).asSequence().filter { it and 1 == 0 }`: PipelineBench's pulled filter over a range. */
    @JvmStatic
    fun rangeFilter(n: Int): Iterator<Int> = (0 until n).asSequence().filter { it and 1 == 0 }.iterator()

    /** `list.asSequence().map { it * 3 }.filter { it and 1 == 0 }`: PipelineBench's pulled pipeline over a list. */
    @JvmStatic
    fun listMapFilter(list: List<Int>): Iterator<Int> =
        list.asSequence().map { it * 3 }.filter { it and 1 == 0 }.iterator()

    /** The recursive in-order walk, one nested `yieldAll` per subtree, as the jyield walk has one `yieldFrom`. */
    @JvmStatic
    fun inOrder(t: Tree?): Iterator<Int> = walk(t).iterator()

    private fun walk(t: Tree?): Sequence<Int> = sequence {
        if (t != null) {
            yieldAll(walk(t.left()))
            yield(t.value())
            yieldAll(walk(t.right()))
        }
    }

    /** A 3-element generator, to be created, drained and dropped. */
    @JvmStatic
    fun three(): Iterator<Int> = sequence {
        yield(1)
        yield(2)
        yield(3)
    }.iterator()

    /** A body with a couple of int locals live across its yield, for the retained-heap measurement. */
    @JvmStatic
    fun squares(n: Int): Iterator<Int> = sequence { for (i in 0 until n) yield(i * i) }.iterator()
}
