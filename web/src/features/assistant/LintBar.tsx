// Under the chat input: the draft with each problem underlined, what the problem is, and
// a one-click polite rewrite. The agent may still send as written (logged).
import { BulbOutlined } from "@ant-design/icons";
import { Button, Flex, Tag, Typography, theme } from "antd";
import { useTranslation } from "react-i18next";
import { markedPieces, type LintIssue } from "./draft-lint";

export function LintBar({ draft, issues, onFix }: { draft: string; issues: readonly LintIssue[]; onFix: (text: string) => void }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  if (issues.length === 0) return null;
  const rules = [...new Set(issues.map((i) => i.rule))];
  const suggestion = issues[0]!.suggestion;
  return (
    <div data-testid="lint-bar" role="status" style={{ padding: "6px 12px", background: token.colorWarningBg, borderTop: `1px solid ${token.colorWarningBorder}` }}>
      <Flex align="center" gap={6} wrap>
        <BulbOutlined style={{ color: token.colorWarning }} />
        {rules.map((rule) => (
          <Tag key={rule} color="warning" data-testid="lint-rule" data-rule={rule} style={{ marginInlineEnd: 0 }}>
            {t(`assistant.lint.${rule}`)}
          </Tag>
        ))}
        <Typography.Text style={{ fontSize: 12, flex: 1, minWidth: 120 }} ellipsis={{ tooltip: draft }}>
          {markedPieces(draft, issues).map((piece, i) =>
            piece.rule ? (
              <span key={i} style={{ textDecoration: `underline wavy ${token.colorError}`, textUnderlineOffset: 3 }}>
                {piece.text}
              </span>
            ) : (
              <span key={i}>{piece.text}</span>
            ),
          )}
        </Typography.Text>
        {suggestion !== draft && (
          <Button size="small" type="link" data-testid="lint-fix" onClick={() => onFix(suggestion)}>
            {t("assistant.fix")}
          </Button>
        )}
      </Flex>
    </div>
  );
}
