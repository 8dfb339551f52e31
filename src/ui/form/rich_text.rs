//! A small rich-text editor for descriptions: paragraphs, headings, bold,
//! italic, lists, quotes and links, with a live preview of what visitors
//! will see. Whatever enters it (the stored value, a restored draft, a
//! paste, a drop) goes through the SafeHtml sanitizer first, and the value
//! it hands the form is sanitized too.

use super::model::{FormField, FormModel};
use crate::ui::safe_html::{allowed_href, rebuild_into, sanitize_to_string, SafeHtml};
use crate::i18n::{use_i18n, I18n, T};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

fn html_document() -> Option<web_sys::HtmlDocument> {
    document().dyn_into::<web_sys::HtmlDocument>().ok()
}

fn exec(command: &str, value: &str) {
    if let Some(doc) = html_document() {
        let _ = doc.exec_command_with_show_ui_and_value(command, false, value);
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The toolbar's commands: label, `execCommand` name and value, and the
/// state `queryCommandState` reports (for `aria-pressed`).
#[derive(Clone, Copy, PartialEq)]
enum Tool {
    Bold,
    Italic,
    Heading,
    Bullets,
    Numbers,
    Quote,
    Link,
    Unlink,
}

impl Tool {
    const ALL: [Tool; 8] = [Tool::Bold, Tool::Italic, Tool::Heading, Tool::Bullets, Tool::Numbers, Tool::Quote, Tool::Link, Tool::Unlink];

    fn label(self) -> T {
        match self {
            Tool::Bold => T::EdBold,
            Tool::Italic => T::EdItalic,
            Tool::Heading => T::EdHeading,
            Tool::Bullets => T::EdBullets,
            Tool::Numbers => T::EdNumbers,
            Tool::Quote => T::EdQuote,
            Tool::Link => T::EdLink,
            Tool::Unlink => T::EdUnlink,
        }
    }

    fn glyph(self) -> &'static str {
        match self {
            Tool::Bold => "B",
            Tool::Italic => "I",
            Tool::Heading => "H",
            Tool::Bullets => "•",
            Tool::Numbers => "1.",
            Tool::Quote => "❝",
            Tool::Link | Tool::Unlink => "",
        }
    }

    fn shortcut(self) -> Option<&'static str> {
        match self {
            Tool::Bold => Some("Control+B"),
            Tool::Italic => Some("Control+I"),
            Tool::Link => Some("Control+K"),
            _ => None,
        }
    }

    /// Whether the command is a state the selection can be "in".
    fn state_name(self) -> Option<&'static str> {
        match self {
            Tool::Bold => Some("bold"),
            Tool::Italic => Some("italic"),
            Tool::Bullets => Some("insertUnorderedList"),
            Tool::Numbers => Some("insertOrderedList"),
            _ => None,
        }
    }
}

/// The editor's handles, shared by its parts: the form field it edits, the
/// editable element, the last value it reported and the toolbar's pressed
/// states.
#[derive(Clone, Copy)]
struct Editor<K: FormField> {
    form: FormModel<K>,
    key: K,
    i18n: I18n,
    area: NodeRef<leptos::html::Div>,
    // The last value this editor reported, so the form's echo of it does not
    // rebuild the content under the caret.
    reported: StoredValue<Option<String>>,
    pressed: RwSignal<Vec<Tool>>,
}

impl<K: FormField> Editor<K> {
    fn new(form: FormModel<K>, key: K, i18n: I18n) -> Self {
        Editor { form, key, i18n, area: NodeRef::new(), reported: StoredValue::new(None), pressed: RwSignal::new(Vec::new()) }
    }

    /// Fill (and refill, when the value changes from outside: a restored
    /// draft, "take theirs", discard) from sanitized nodes only.
    fn follow_form(self) {
        Effect::new(move |_| {
            let value = self.form.value(self.key);
            let Some(el) = self.area.get() else { return };
            if self.reported.get_value().as_deref() == Some(value.as_str()) {
                return;
            }
            el.set_text_content(None);
            rebuild_into(&value, &el);
            self.reported.set_value(Some(value));
        });
    }

    /// Hands the form the sanitized content.
    fn report(self) {
        let Some(el) = self.area.get_untracked() else { return };
        let value = sanitize_to_string(&el.inner_html());
        self.reported.set_value(Some(value.clone()));
        self.form.set(self.key, value);
    }

    fn refresh_pressed(self) {
        let Some(doc) = html_document() else { return };
        let on: Vec<Tool> = Tool::ALL.into_iter().filter(|t| t.state_name().is_some_and(|n| doc.query_command_state(n).unwrap_or(false))).collect();
        if self.pressed.get_untracked() != on {
            self.pressed.set(on);
        }
    }

    fn run(self, tool: Tool) {
        if let Some(el) = self.area.get_untracked() {
            let _ = el.focus();
        }
        exec("defaultParagraphSeparator", "p");
        match tool {
            Tool::Bold => exec("bold", ""),
            Tool::Italic => exec("italic", ""),
            Tool::Heading => {
                let in_heading = html_document().and_then(|d| d.query_command_value("formatBlock").ok()).is_some_and(|v| v.eq_ignore_ascii_case("h3"));
                exec("formatBlock", if in_heading { "p" } else { "h3" });
            }
            Tool::Bullets => exec("insertUnorderedList", ""),
            Tool::Numbers => exec("insertOrderedList", ""),
            Tool::Quote => exec("formatBlock", "blockquote"),
            Tool::Link => {
                if !insert_link(self.i18n) {
                    return;
                }
            }
            Tool::Unlink => exec("unlink", ""),
        }
        self.report();
        self.refresh_pressed();
    }

    fn on_paste(self, ev: web_sys::ClipboardEvent) {
        ev.prevent_default();
        let Some(data) = ev.clipboard_data() else { return };
        let html = data.get_data("text/html").unwrap_or_default();
        if html.trim().is_empty() {
            exec("insertText", &data.get_data("text/plain").unwrap_or_default());
        } else {
            exec("insertHTML", &sanitize_to_string(&html));
        }
        self.report();
    }

    fn on_drop(self, ev: web_sys::DragEvent) {
        // Dropped markup could carry anything: take its text only.
        ev.prevent_default();
        if let Some(text) = ev.data_transfer().and_then(|d| d.get_data("text/plain").ok()) {
            exec("insertText", &text);
            self.report();
        }
    }

    fn on_keydown(self, ev: web_sys::KeyboardEvent) {
        if !(ev.ctrl_key() || ev.meta_key()) {
            return;
        }
        if ev.key().eq_ignore_ascii_case("k") {
            ev.prevent_default();
            self.run(Tool::Link);
        }
    }
}

/// Asks for a web address and links the selection to it (or inserts it
/// when nothing is selected). False when nothing was inserted.
fn insert_link(i18n: I18n) -> bool {
    let Some(window) = web_sys::window() else { return false };
    let Ok(Some(url)) = window.prompt_with_message_and_default(i18n.t_untracked(T::EdLinkPrompt), "https://") else { return false };
    let url = url.trim().to_string();
    if url.is_empty() || url == "https://" {
        return false;
    }
    if !allowed_href(&url) {
        let _ = window.alert_with_message(i18n.t_untracked(T::EdLinkInvalid));
        return false;
    }
    let collapsed = window.get_selection().ok().flatten().is_none_or(|s| s.is_collapsed());
    if collapsed {
        exec("insertHTML", &format!("<a href=\"{}\">{}</a>", escape(&url), escape(&url)));
    } else {
        exec("createLink", &url);
    }
    true
}

#[component]
pub fn RichTextEditor<K: FormField>(form: FormModel<K>, key: K, label: T, #[prop(optional)] hint: Option<T>) -> impl IntoView {
    let i18n = use_i18n();
    let id = key.id();
    let label_id = format!("{id}-label");
    let editor = Editor::new(form, key, i18n);
    editor.follow_form();

    view! {
        <div class="field rich-text-field" class:field--error=move || form.error(key).is_some()>
            <p class="field__label" id=label_id.clone()>
                {move || i18n.t(label)}
                <span class="field__optional">{move || format!(" ({})", i18n.t(T::Optional))}</span>
            </p>
            {hint.map(|h| view! { <p class="field__hint" id=format!("{id}-hint")>{move || i18n.t(h)}</p> })}
            {move || form.error(key).map(|m| view! {
                <p class="field__error" id=format!("{id}-error")>
                    <span class="visually-hidden">{move || i18n.t(T::ErrorPrefix)}</span>
                    {move || m.text(i18n.lang.get())}
                </p>
            })}
            <div class="editor">
                <EditorToolbar editor id/>
                <EditorArea editor id label_id has_hint=hint.is_some()/>
            </div>
            <EditorPreview form key id/>
        </div>
    }
}

#[component]
fn EditorToolbar<K: FormField>(editor: Editor<K>, id: &'static str) -> impl IntoView {
    let i18n = editor.i18n;
    view! {
        <div class="editor__toolbar" role="toolbar" aria-label=move || i18n.t(T::EdToolbar) aria-controls=id>
            {Tool::ALL.into_iter().map(|tool| view! { <ToolButton editor tool/> }).collect_view()}
        </div>
    }
}

#[component]
fn ToolButton<K: FormField>(editor: Editor<K>, tool: Tool) -> impl IntoView {
    let (i18n, pressed) = (editor.i18n, editor.pressed);
    view! {
        <button
            type="button"
            class="editor__tool"
            class:editor__tool--bold=tool == Tool::Bold
            class:editor__tool--italic=tool == Tool::Italic
            title=move || match tool.shortcut() {
                Some(k) => format!("{} ({k})", i18n.t(tool.label())),
                None => i18n.t(tool.label()).to_string(),
            }
            aria-label=move || i18n.t(tool.label())
            aria-keyshortcuts=tool.shortcut()
            aria-pressed=move || tool.state_name().map(|_| if pressed.get().contains(&tool) { "true" } else { "false" })
            // Keep the selection in the editor.
            on:mousedown=move |ev| ev.prevent_default()
            on:click=move |_| editor.run(tool)
        >
            {match tool {
                Tool::Link | Tool::Unlink => view! { <LinkIcon broken=tool == Tool::Unlink/> }.into_any(),
                _ => view! { <span aria-hidden="true">{tool.glyph()}</span> }.into_any(),
            }}
        </button>
    }
}

/// The editable area itself.
#[component]
fn EditorArea<K: FormField>(editor: Editor<K>, id: &'static str, label_id: String, has_hint: bool) -> impl IntoView {
    let (form, key) = (editor.form, editor.key);
    let described_by = super::inputs::described_by(form, key, has_hint);
    view! {
        <div
            class="editor__area"
            id=id
            node_ref=editor.area
            contenteditable="true"
            role="textbox"
            aria-multiline="true"
            aria-labelledby=label_id
            aria-describedby=described_by
            aria-invalid=move || form.error(key).is_some().then_some("true")
            spellcheck="true"
            tabindex="0"
            on:input=move |_| editor.report()
            on:paste=move |ev| editor.on_paste(ev)
            on:drop=move |ev| editor.on_drop(ev)
            on:keydown=move |ev| editor.on_keydown(ev)
            on:keyup=move |_| editor.refresh_pressed()
            on:mouseup=move |_| editor.refresh_pressed()
            on:focus=move |_| exec("defaultParagraphSeparator", "p")
            on:blur=move |_| form.blur(key)
        ></div>
    }
}

/// What visitors will see.
#[component]
fn EditorPreview<K: FormField>(form: FormModel<K>, key: K, id: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="editor__preview" aria-labelledby=format!("{id}-preview")>
            <p class="editor__preview-title" id=format!("{id}-preview")>{move || i18n.t(T::EdPreview)}</p>
            {move || {
                let value = form.value(key);
                if value.trim().is_empty() {
                    view! { <p class="muted">{move || i18n.t(T::NotSet)}</p> }.into_any()
                } else {
                    view! { <SafeHtml html=Signal::derive(move || form.value(key)) class="rich-text"/> }.into_any()
                }
            }}
        </section>
    }
}

/// A chain link drawn with two strokes; `broken` crosses it out.
#[component]
fn LinkIcon(broken: bool) -> impl IntoView {
    view! {
        <svg class="editor__icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false"
            fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
            <path d="M10 13a5 5 0 0 0 7.5.5l3-3a5 5 0 0 0-7-7l-1.7 1.7"/>
            <path d="M14 11a5 5 0 0 0-7.5-.5l-3 3a5 5 0 0 0 7 7l1.7-1.7"/>
            {broken.then(|| view! { <path d="M3 3l18 18"/> })}
        </svg>
    }
}
