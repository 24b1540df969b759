package io.zhibiao.testkit;

import java.util.Map;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts a real, single-node Kafka cluster in KRaft mode inside the test JVM and points the
 * application's Kafka clients at it. The broker listens on a free port and writes to its own
 * temporary directory, so tests never collide with a local stack on 9092.
 * <p>
 * A test may receive the running cluster in a field annotated {@link InjectKafkaCluster}, for
 * example to read topics with a plain consumer or to stop and restart the broker.
 */
public class KafkaKraftResource implements QuarkusTestResourceLifecycleManager {

    private KafkaClusterTestKit cluster;

    @Override
    public Map<String, String> start() {
        try {
            cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build())
                    .setConfigProp("auto.create.topics.enable", "true")
                    .setConfigProp("num.partitions", "1")
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
        } catch (Exception e) {
            throw new IllegalStateException("could not start the in-process KRaft cluster", e);
        }
        return Map.of("kafka.bootstrap.servers", cluster.bootstrapServers());
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(cluster,
                new TestInjector.AnnotatedAndMatchesType(InjectKafkaCluster.class, KafkaClusterTestKit.class));
    }

    @Override
    public void stop() {
        if (cluster != null) {
            try {
                cluster.close();
            } catch (Exception e) {
                throw new IllegalStateException("could not stop the in-process KRaft cluster", e);
            }
        }
    }
}
