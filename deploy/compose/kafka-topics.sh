#!/usr/bin/env bash
# Every topic the services use and its dead-letter twin, 6 partitions each, made once: the services do not create
# topics here (SPRING_KAFKA_ADMIN_AUTOCREATE=false). reporting-service rebuilds by replaying transaction.purchases,
# transaction.applications, auth.sign-ins, auth.users and account.payments, so they are kept forever (ADR 0010);
# auth.practices is kept forever too (transaction-service learns every practice from it); auth.maintenance is compacted
# (one key, "platform", whose latest value is the state however old); auth.revocations one day; the others 30 days,
# dead letters 90. One broker, so one replica: Kubernetes' KafkaTopic objects keep three.
set -euo pipefail
forever="transaction.purchases transaction.applications auth.sign-ins auth.users account.payments auth.practices"
topics="auth.users auth.challenges auth.recoveries auth.sign-ins auth.revocations auth.practices transaction.applications
	transaction.credit-lines transaction.purchases account.payments account.promotions notification.deliveries"
create() {
	/opt/kafka/bin/kafka-topics.sh --bootstrap-server kafka:9092 --create --if-not-exists --topic "$1" \
		--partitions 6 --replication-factor 1 --config "retention.ms=$2" --config cleanup.policy=delete
}
compacted() {
	/opt/kafka/bin/kafka-topics.sh --bootstrap-server kafka:9092 --create --if-not-exists --topic "$1" \
		--partitions 6 --replication-factor 1 --config cleanup.policy=compact
}
for topic in $topics; do
	retention=2592000000
	[[ "$topic" == auth.revocations ]] && retention=86400000
	for kept in $forever; do
		[[ "$topic" == "$kept" ]] && retention=-1
	done
	create "$topic" "$retention"
	create "$topic.DLT" 7776000000
done
compacted auth.maintenance
create auth.maintenance.DLT 7776000000
