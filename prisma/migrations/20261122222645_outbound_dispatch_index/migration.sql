-- CreateIndex
CREATE INDEX "outbound_message_account_state_target_kind_target_id_idx" ON "outbound_message"("account", "state", "target_kind", "target", "id");

