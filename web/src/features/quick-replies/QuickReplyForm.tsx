import { App, AutoComplete, Form, Input, Modal, Radio } from "antd";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../platform/api";
import { useQuickReplyMutations, type QuickReply, type QuickReplyDraft } from "./quick-replies-api";
import { VARIABLES } from "../../../../server/src/modules/knowledge/variables";

interface Props {
  open: boolean;
  /** Null: a new reply. */
  reply: QuickReply | null;
  canManageTeam: boolean;
  categories: string[];
  onClose: () => void;
}

const FIELDS = ["scope", "category", "shortcut", "text"];

export function QuickReplyForm({ open, reply, canManageTeam, categories, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<QuickReplyDraft>();
  const { create, update } = useQuickReplyMutations();
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(reply ? { scope: reply.scope, category: reply.category, shortcut: reply.shortcut, text: reply.text } : { scope: "personal" });
  }, [open, reply, form]);

  const save = async (values: QuickReplyDraft) => {
    const draft = { ...values, category: values.category.trim(), shortcut: values.shortcut.trim().replace(/^\//, ""), text: values.text.trim() };
    try {
      if (reply) await update.mutateAsync({ id: reply.id, draft });
      else await create.mutateAsync(draft);
      void message.success(t("quickReplies.saved"));
      onClose();
    } catch (error) {
      if (error instanceof ApiError && error.field && FIELDS.includes(error.field)) form.setFields([{ name: error.field as keyof QuickReplyDraft, errors: [error.message] }]);
      else if (error instanceof ApiError && error.status === 409) form.setFields([{ name: "shortcut", errors: [t("quickReplies.shortcutTaken")] }]);
      else void message.error(t("quickReplies.saveFailed"));
    }
  };

  return (
    <Modal
      open={open}
      title={t(reply ? "quickReplies.editTitle" : "quickReplies.createTitle")}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      confirmLoading={create.isPending || update.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form<QuickReplyDraft> form={form} layout="vertical" onFinish={(values) => void save(values)}>
        <Form.Item name="scope" label={t("quickReplies.scope")}>
          <Radio.Group
            optionType="button"
            options={[
              { value: "personal", label: t("quickReplies.personal") },
              { value: "team", label: t("quickReplies.team"), disabled: !canManageTeam },
            ]}
          />
        </Form.Item>
        <Form.Item name="category" label={t("quickReplies.category")} rules={[{ required: true, whitespace: true, message: t("quickReplies.categoryRequired") }]}>
          <AutoComplete options={categories.map((c) => ({ value: c }))} maxLength={50} filterOption />
        </Form.Item>
        <Form.Item
          name="shortcut"
          label={t("quickReplies.shortcut")}
          extra={t("quickReplies.shortcutHint")}
          rules={[
            { required: true, whitespace: true, message: t("quickReplies.shortcutRequired") },
            { pattern: /^\/?[\p{L}\p{N}_-]{1,30}$/u, message: t("quickReplies.shortcutFormat") },
          ]}
        >
          <Input prefix="/" maxLength={31} />
        </Form.Item>
        <Form.Item
          name="text"
          label={t("quickReplies.text")}
          extra={t("quickReplies.variablesHint", { variables: VARIABLES.map((v) => `{${v}}`).join(" ") })}
          rules={[{ required: true, whitespace: true, message: t("quickReplies.textRequired") }]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
