import { CopyOutlined, EyeInvisibleOutlined, EyeOutlined, ReloadOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Flex, Popconfirm, Spin, Tooltip, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { maskSecret, useRotateWidgetSecret, useWidget } from "./settings-api";

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false; // no clipboard permission (plain http, old browser): the text is selectable
  }
}

/** The embedding code for the shop's pages and the secret that signs logged-in buyers. */
export function WidgetCard({ shopId }: { shopId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const widget = useWidget(shopId);
  const rotate = useRotateWidgetSecret(shopId);
  const [shown, setShown] = useState(false);
  const copyText = async (text: string) => {
    if (await copy(text)) void message.success(t("settings.copied"));
    else void message.warning(t("settings.copyFailed"));
  };

  if (widget.isError) return <Alert type="error" showIcon title={t("settings.loadFailed")} />;
  if (!widget.data) return <Spin />;
  const { snippet, secret } = widget.data;
  return (
    <Flex vertical gap={16} style={{ maxWidth: 720 }}>
      <Card title={t("settings.widgetSnippet")}>
        <Typography.Paragraph type="secondary">{t("settings.widgetSnippetHint")}</Typography.Paragraph>
        <pre data-testid="widget-snippet" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere", background: "#f5f5f5", padding: 12, borderRadius: 8, margin: 0 }}>
          {snippet}
        </pre>
        <Button icon={<CopyOutlined />} style={{ marginTop: 12 }} onClick={() => void copyText(snippet)}>
          {t("settings.copy")}
        </Button>
      </Card>
      <Card title={t("settings.widgetSecret")}>
        <Typography.Paragraph type="secondary">{t("settings.widgetSecretHint")}</Typography.Paragraph>
        <Flex gap={8} align="center" wrap>
          <code data-testid="widget-secret" style={{ overflowWrap: "anywhere", flex: "1 1 240px", background: "#f5f5f5", padding: "6px 10px", borderRadius: 6 }}>
            {shown ? secret : maskSecret(secret)}
          </code>
          <Tooltip title={shown ? t("settings.hide") : t("settings.reveal")}>
            <Button icon={shown ? <EyeInvisibleOutlined /> : <EyeOutlined />} aria-label={shown ? t("settings.hide") : t("settings.reveal")} onClick={() => setShown(!shown)} />
          </Tooltip>
          <Tooltip title={t("settings.copy")}>
            <Button icon={<CopyOutlined />} aria-label={t("settings.copy")} onClick={() => void copyText(secret)} />
          </Tooltip>
        </Flex>
        <Popconfirm
          title={t("settings.rotateConfirmTitle")}
          description={t("settings.rotateConfirm")}
          okText={t("settings.rotate")}
          cancelText={t("common.cancel")}
          okButtonProps={{ danger: true }}
          onConfirm={() =>
            rotate.mutateAsync().then(
              () => {
                setShown(false);
                void message.success(t("settings.rotated"));
              },
              () => void message.error(t("settings.saveFailed")),
            )
          }
        >
          <Button danger icon={<ReloadOutlined />} loading={rotate.isPending} style={{ marginTop: 12 }}>
            {t("settings.rotate")}
          </Button>
        </Popconfirm>
      </Card>
    </Flex>
  );
}
