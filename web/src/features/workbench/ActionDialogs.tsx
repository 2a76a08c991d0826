import { Alert, App, Badge, Form, Input, Modal, Radio, Select } from "antd";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../platform/api";
import { useAbility, useSession } from "../../platform/session";
import { ABILITY, type ConversationSummary, type Team } from "../../platform/types";
import { isActive, useAgents } from "../agents/agents-api";
import { useShop } from "../settings/settings-api";
import type { ChatAction } from "./chat-actions";

const TEAMS: Team[] = ["presales", "aftersales"];
const STATUS_DOT = { online: "success", busy: "error", away: "warning", offline: "default" } as const;

interface DialogProps {
  conversation: ConversationSummary;
  open: boolean;
  onClose: () => void;
  run: (action: ChatAction) => Promise<unknown>;
}

/** Runs the action; on failure says why and keeps the dialog open. */
function useSubmit(run: DialogProps["run"], onClose: () => void, done: string, failed: string) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return async (action: ChatAction) => {
    try {
      await run(action);
      void message.success(t(done));
      onClose();
    } catch (error) {
      void message.error(error instanceof ApiError && error.code === "assigned" ? t("chat.takenByColleague") : t(failed));
    }
  };
}

/** A translated label for a lost-reason code; a shop's own reasons are shown as written. */
export function useLostReasonLabel() {
  const { t } = useTranslation();
  return (code: string) => t(`lostReason.${code}`, { defaultValue: code });
}

interface CloseValues {
  outcome?: "converted" | "not_converted";
  lostReason?: string;
  note?: string;
}

export function CloseDialog({ conversation, open, onClose, run }: DialogProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CloseValues>();
  const shop = useShop(open ? conversation.shopId : null);
  const label = useLostReasonLabel();
  const outcome = Form.useWatch("outcome", form);
  const presales = conversation.team === "presales";
  const submit = useSubmit(run, onClose, "chat.closed", "chat.closeFailed");
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);
  return (
    <Modal
      open={open}
      title={t("chat.closeTitle")}
      okText={t("chat.close")}
      cancelText={t("common.cancel")}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form<CloseValues>
        form={form}
        layout="vertical"
        initialValues={{ outcome: presales ? "converted" : undefined }}
        onFinish={(values) =>
          submit({
            type: "close",
            outcome: values.outcome,
            lostReason: values.outcome === "not_converted" ? values.lostReason : undefined,
            note: values.note,
          })
        }
      >
        <Form.Item name="outcome" label={t("chat.outcome")} rules={presales ? [{ required: true, message: t("chat.outcomeRequired") }] : []}>
          <Radio.Group
            optionType="button"
            options={[
              { value: "converted", label: t("outcome.converted") },
              { value: "not_converted", label: t("outcome.not_converted") },
            ]}
          />
        </Form.Item>
        {outcome === "not_converted" && (
          <Form.Item name="lostReason" label={t("chat.lostReason")} rules={[{ required: true, message: t("chat.lostReasonRequired") }]}>
            <Select
              loading={shop.isPending}
              placeholder={t("chat.lostReasonPick")}
              options={(shop.data?.lostReasons ?? []).map((code) => ({ value: code, label: label(code) }))}
            />
          </Form.Item>
        )}
        <Form.Item name="note" label={t("chat.note")}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface TransferValues {
  target: "agent" | "team";
  agentId?: string;
  team?: Team;
  note?: string;
}

export function TransferDialog({ conversation, open, onClose, run }: DialogProps) {
  const { t } = useTranslation();
  const me = useSession();
  const canSeeAgents = useAbility(ABILITY.viewAgents);
  const agents = useAgents(open && canSeeAgents);
  const [form] = Form.useForm<TransferValues>();
  const target = Form.useWatch("target", form);
  const submit = useSubmit(run, onClose, "chat.transferred", "chat.transferFailed");
  const otherTeam = TEAMS.find((team) => team !== conversation.team) ?? "aftersales";
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);
  const colleagues = (agents.data ?? []).filter((a) => isActive(a) && a.id !== me.agent.id && a.id !== conversation.assigneeId);
  return (
    <Modal open={open} title={t("chat.transferTitle")} okText={t("chat.transfer")} cancelText={t("common.cancel")} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      {!canSeeAgents && <Alert type="info" showIcon title={t("chat.transferTeamOnly")} style={{ marginBottom: 12 }} />}
      <Form<TransferValues>
        form={form}
        layout="vertical"
        initialValues={{ target: canSeeAgents ? "agent" : "team", team: otherTeam }}
        onFinish={(values) =>
          submit(
            values.target === "agent"
              ? { type: "transfer", agentId: values.agentId, note: values.note }
              : { type: "transfer", team: values.team, note: values.note },
          )
        }
      >
        {canSeeAgents && (
          <Form.Item name="target" label={t("chat.transferTo")}>
            <Radio.Group
              optionType="button"
              options={[
                { value: "agent", label: t("chat.toColleague") },
                { value: "team", label: t("chat.toTeam") },
              ]}
            />
          </Form.Item>
        )}
        {target === "agent" && canSeeAgents ? (
          <Form.Item name="agentId" label={t("chat.colleague")} rules={[{ required: true, message: t("chat.colleagueRequired") }]}>
            <Select
              showSearch={{ optionFilterProp: "search" }}
              loading={agents.isPending}
              placeholder={t("chat.colleaguePick")}
              options={colleagues.map((a) => ({
                value: a.id,
                search: a.name,
                label: <Badge status={STATUS_DOT[a.status]} text={`${a.name} · ${t(`team.${a.team}`)} · ${t(`status.${a.status}`)}`} />,
              }))}
            />
          </Form.Item>
        ) : (
          <Form.Item name="team" label={t("chat.team")} rules={[{ required: true }]}>
            <Radio.Group optionType="button" options={TEAMS.map((team) => ({ value: team, label: t(`team.${team}`) }))} />
          </Form.Item>
        )}
        <Form.Item name="note" label={t("chat.transferNote")} extra={t("chat.noteAgentsOnly")}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function EscalateDialog({ open, onClose, run }: DialogProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ note?: string }>();
  const submit = useSubmit(run, onClose, "chat.escalated", "chat.escalateFailed");
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);
  return (
    <Modal open={open} title={t("chat.escalateTitle")} okText={t("chat.escalate")} cancelText={t("common.cancel")} onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(values) => submit({ type: "escalate", note: values.note })}>
        <Form.Item name="note" label={t("chat.escalateNote")} extra={t("chat.noteAgentsOnly")}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
