package dev.jyield.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every peer of a {@link PullBench} case computes the same thing, so the run compares like with like. */
class PullBenchTest {
    private final PullBench bench = new PullBench();

    @Test
    void singlePeersSumTheSameRange() {
        long expected = (long) PullBench.N * (PullBench.N - 1) / 2;
        assertThat(List.of(bench.singleHandLoop(), bench.singleHandIterator(), bench.singleJyield(),
                bench.singleKotlin(), bench.singleGuavaAbstractIterator())).containsOnly(expected);
    }

    @Test
    void mapFilterPeersSumTheSameElements() {
        long expected = bench.mapFilterHandLoop();
        assertThat(expected).isPositive();
        assertThat(List.of(bench.mapFilterJyield(), bench.mapFilterKotlin(), bench.mapFilterStreamIterator(),
                bench.mapFilterGuavaFluentIterable())).containsOnly(expected);
    }

    @Test
    void treePeersWalkTheSameTreeInOrder() {
        List<Integer> hand = new ArrayList<>();
        new PullBench.TreeIterator(PullBench.TREE).forEachRemaining(hand::add);
        List<Integer> kotlin = new ArrayList<>();
        KotlinPeers.inOrder(PullBench.TREE).forEachRemaining(kotlin::add);
        List<Integer> jyield = PullBench.inOrder(PullBench.TREE).toList();
        assertThat(hand).hasSize(PullBench.NODES).isSorted().startsWith(0).endsWith(PullBench.NODES - 1);
        assertThat(kotlin).isEqualTo(hand);
        assertThat(jyield).isEqualTo(hand);
        assertThat(bench.treeJyieldYieldFrom()).isEqualTo(bench.treeHandStack()).isEqualTo(bench.treeKotlinYieldAll());
    }

    @Test
    void threePeersYieldOneTwoThree() {
        assertThat(List.of(bench.threeHand(), bench.threeJyield(), bench.threeKotlin())).containsOnly(6L);
    }

    @Test
    void retainedHeapPeersYieldTheSameSquares() {
        List<Integer> hand = new ArrayList<>();
        new RetainedHeap.SquaresIterator(5).forEachRemaining(hand::add);
        List<Integer> kotlin = new ArrayList<>();
        KotlinPeers.squares(5).forEachRemaining(kotlin::add);
        assertThat(hand).containsExactly(0, 1, 4, 9, 16);
        assertThat(kotlin).isEqualTo(hand);
        assertThat(RetainedHeap.squares(5).toList()).isEqualTo(hand);
    }
}
