// The widget's CSS, applied inside its shadow root so neither the shop's styles nor ours leak.
export const widgetCss = `
:host{all:initial}
*{box-sizing:border-box}
.root{font:14px/1.5 -apple-system,BlinkMacSystemFont,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Malgun Gothic",sans-serif;color:#1f2329;-webkit-text-size-adjust:100%}
[hidden]{display:none!important}
button{font:inherit;cursor:pointer}
.launcher{position:fixed;right:20px;bottom:20px;z-index:2147483000;display:flex;align-items:center;gap:6px;height:48px;padding:0 18px 0 14px;border:0;border-radius:24px;background:#ff5000;color:#fff;font-weight:600;box-shadow:0 6px 20px rgba(255,80,0,.35)}
.launcher:hover{background:#f04a00}
.launcher svg{width:22px;height:22px}
.dot{position:absolute;top:4px;right:6px;width:10px;height:10px;border-radius:50%;background:#f5222d;border:2px solid #fff}
.panel{position:fixed;right:20px;bottom:80px;z-index:2147483001;display:flex;flex-direction:column;width:370px;height:min(600px,calc(100vh - 100px));background:#f5f6f7;border-radius:12px;overflow:hidden;box-shadow:0 12px 40px rgba(0,0,0,.18)}
.panel.page{inset:0;width:auto;height:auto;border-radius:0;box-shadow:none}
.panel.page .close{display:none}
header{display:flex;align-items:center;gap:10px;padding:12px 16px;background:linear-gradient(90deg,#ff7a00,#ff5000);color:#fff}
header .title{flex:1;min-width:0}
header strong{display:block;font-size:15px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
header small{font-size:12px;opacity:.85}
.close{border:0;background:transparent;color:#fff;font-size:22px;line-height:1;padding:4px 6px}
.list{flex:1;overflow-y:auto;padding:12px 12px 4px;-webkit-overflow-scrolling:touch}
.page .list,.page footer,.page .typing,.page .notice,.page .emojis{width:100%;max-width:760px;margin-left:auto;margin-right:auto}
.empty{text-align:center;color:#8f959e;margin:24px 0}
.msg{display:flex;flex-direction:column;align-items:flex-start;margin:8px 0}
.msg.buyer{align-items:flex-end}
.msg.system{align-items:center}
.who{font-size:12px;color:#8f959e;margin:0 4px 2px}
.bubble{max-width:78%;padding:8px 12px;border-radius:12px;background:#fff;white-space:pre-wrap;word-break:break-word;box-shadow:0 1px 2px rgba(0,0,0,.05)}
.buyer .bubble{background:#ffe9dc}
.system .bubble{background:transparent;box-shadow:none;color:#8f959e;font-size:12px}
.bubble img.photo{display:block;max-width:220px;max-height:260px;border-radius:8px}
.state{font-size:12px;color:#8f959e;margin:2px 4px 0}
.failed .state{color:#f5222d}
.pending .bubble{opacity:.75}
.card{display:flex;gap:10px;align-items:center;min-width:200px;max-width:260px;text-decoration:none;color:inherit}
.card img,.card .ph{flex:none;width:56px;height:56px;border-radius:6px;object-fit:cover;background:#f0f1f2}
.card .ph{display:flex;align-items:center;justify-content:center;font-size:11px;color:#8f959e;text-align:center;padding:2px}
.card b{display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;overflow:hidden;font-weight:500}
.card .price{color:#ff5000;font-weight:600}
.typing{padding:2px 16px;font-size:12px;color:#8f959e}
.notice{margin:4px 12px;padding:6px 10px;border-radius:6px;background:#fff1f0;color:#cf1322;font-size:12px}
.notice.ok{background:#f6ffed;color:#389e0d}
.emojis{display:grid;grid-template-columns:repeat(8,1fr);gap:2px;padding:6px 10px;background:#fff;border-top:1px solid #eee}
.emojis button{border:0;background:transparent;font-size:20px;padding:4px;border-radius:6px}
.emojis button:hover{background:#f2f3f5}
footer{background:#fff;border-top:1px solid #eee;padding:6px 10px 10px}
.tools{display:flex;gap:4px}
.tools button{border:0;background:transparent;padding:4px;border-radius:6px;color:#646a73;line-height:0}
.tools button:hover{background:#f2f3f5}
.tools svg{width:22px;height:22px}
.compose{display:flex;gap:8px;align-items:flex-end}
textarea{flex:1;resize:none;min-height:40px;max-height:120px;border:1px solid #dee0e3;border-radius:8px;padding:8px 10px;font:inherit;color:inherit;outline:none}
textarea:focus{border-color:#ff7a00}
.send{border:0;border-radius:8px;background:#ff5000;color:#fff;padding:9px 16px}
.send:disabled{background:#ffb38a;cursor:default}
.hbtn{border:1px solid rgba(255,255,255,.7);border-radius:12px;background:transparent;color:#fff;font-size:12px;padding:3px 10px}
.aftersales{flex:1;overflow:auto;padding:12px 16px;background:#fafafa}
.as-head{display:flex;justify-content:space-between;align-items:center;margin-bottom:10px}
.link{border:0;background:transparent;color:#ff5000;padding:0}
.muted{color:#888}
.as-order{display:flex;gap:8px;align-items:center;justify-content:space-between;background:#fff;border:1px solid #eee;border-radius:8px;padding:8px 10px;margin-bottom:8px;font-size:13px}
.apply{border:1px solid #ff5000;border-radius:14px;background:#fff;color:#ff5000;padding:4px 10px;white-space:nowrap}
.as-form{display:flex;flex-direction:column;gap:10px;font-size:13px}
.as-form label{display:flex;flex-direction:column;gap:4px}
.as-form select,.as-form textarea{font:inherit;border:1px solid #ddd;border-radius:6px;padding:6px}
.ocard{min-width:220px;max-width:280px;display:flex;flex-direction:column;gap:8px}
.ohead{display:flex;justify-content:space-between;align-items:baseline;gap:8px;font-weight:600}
.ohead small{font-weight:400;color:#8f959e;font-size:12px}
.obody{color:#3b3f45;font-size:13px}
.oactions{display:flex;gap:8px;justify-content:flex-end}
.cbtn{border:1px solid #dee0e3;border-radius:14px;background:#fff;color:#3b3f45;padding:4px 12px}
.cbtn.primary{border-color:#ff5000;background:#ff5000;color:#fff}
.cbtn:disabled{opacity:.6;cursor:default}
.ostate{font-size:12px;color:#389e0d}
.ostate.withdrawn,.ostate.declined{color:#8f959e}
.ostate.failed,.oproblem{font-size:12px;color:#cf1322}
.oform{display:flex;flex-direction:column;gap:6px;font-size:12px}
.oform label{display:flex;flex-direction:column;gap:2px}
.oform input,.oform textarea{font:inherit;font-size:13px;border:1px solid #ddd;border-radius:6px;padding:5px 6px;resize:vertical}
@media (max-width:600px){
.panel{inset:0;width:auto;height:auto;border-radius:0}
.launcher{right:12px;bottom:12px}
textarea{font-size:16px}
}
`;
