/** Where the test Kafka lives: its own ports and folder, so it never touches a dev Kafka on 9092. */
export const TEST_KAFKA_DIR = ".data/test/kafka";
export const TEST_KAFKA_BASE_PORT = 29092;
