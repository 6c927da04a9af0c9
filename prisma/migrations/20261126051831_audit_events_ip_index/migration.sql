-- CreateIndex
CREATE INDEX "audit_events_ip_id_idx" ON "audit_events"("ip", "id");
