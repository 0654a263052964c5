<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>AnnotationController</name>
    <message>
        <location filename="../../annotator/ui/controller.py" line="211"/>
        <source>Database busy: another program is writing to it; your edit waits (%d s)…</source>
        <translation>قاعدة البيانات مشغولة: برنامج آخر يكتب فيها؛ تعديلك ينتظر (%d ث)…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="326"/>
        <source>Select some text first</source>
        <translation>حدّد نصًا أولًا</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="331"/>
        <source>Already tagged %s</source>
        <translation>موسوم مسبقًا بـ %s</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="345"/>
        <source>No span is selected: click one first</source>
        <translation>لا يوجد مقطع محدد: انقر على واحد أولاً</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="350"/>
        <source>Deleted %s; no span is selected</source>
        <translation>حُذف %s؛ لا يوجد مقطع محدد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="413"/>
        <source>Select a quote first</source>
        <translation>حدّد اقتباسًا أولًا</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="435"/>
        <source>Select a quote or a claim to link</source>
        <translation>حدّد اقتباسًا أو ادعاءً لربطه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="440"/>
        <source>Link: select the speaker or source (click it, or ] and [), then Enter</source>
        <translation>الربط: حدّد القائل أو المصدر (انقر عليه أو استخدم ] و [) ثم اضغط Enter</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="457"/>
        <source>A %s cannot be linked to a %s</source>
        <translation>لا يمكن ربط %s بـ %s</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="463"/>
        <source>Linked: %s</source>
        <translation>تم الربط: %s</translation>
    </message>
    <message numerus="yes">
        <location filename="../../annotator/ui/controller.py" line="503"/>
        <source>tag %n occurrences</source>
        <translation>
            <numerusform>وسم %n من المواضع</numerusform>
            <numerusform>وسم %n من المواضع</numerusform>
            <numerusform>وسم %n من المواضع</numerusform>
            <numerusform>وسم %n من المواضع</numerusform>
            <numerusform>وسم %n من المواضع</numerusform>
            <numerusform>وسم %n من المواضع</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DocumentListModel</name>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="25"/>
        <source>Document</source>
        <translation>المستند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="25"/>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="25"/>
        <source>Spans</source>
        <translation>المقاطع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="27"/>
        <source>new</source>
        <translation>جديد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="27"/>
        <source>in progress</source>
        <translation>قيد العمل</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="27"/>
        <source>done</source>
        <translation>منجز</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="72"/>
        <source>assigned to you</source>
        <translation>مسند إليك</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="73"/>
        <source>not assigned to you</source>
        <translation>غير مسند إليك</translation>
    </message>
</context>
<context>
    <name>DoneBanner</name>
    <message>
        <location filename="../../annotator/ui/done_banner.py" line="24"/>
        <source>This document is marked done: it is read-only. Reopen it to edit (Ctrl+D).</source>
        <translation>هذه الوثيقة معلّمة كمنجزة: هي للقراءة فقط. أعد فتحها للتعديل (Ctrl+D).</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/done_banner.py" line="27"/>
        <source>&amp;Reopen for editing</source>
        <translation>أ&amp;عد الفتح للتعديل</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../../annotator/ui/crash.py" line="61"/>
        <source>Something went wrong</source>
        <translation>حدث خطأ</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/crash.py" line="64"/>
        <source>The program hit an error it did not expect. Your saved work is safe: every edit was stored when it was made.</source>
        <translation>واجه البرنامج خطأً غير متوقع. عملك المحفوظ في أمان: خُزّن كل تعديل لحظة إجرائه.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/crash.py" line="67"/>
        <source>Details are in the log file:
%1</source>
        <translation>التفاصيل في ملف السجل:
%1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/crash.py" line="68"/>
        <source>No log file could be written.</source>
        <translation>تعذّرت كتابة ملف السجل.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/crash.py" line="71"/>
        <source>Copy details</source>
        <translation>نسخ التفاصيل</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="95"/>
        <location filename="../../annotator/ui/export_dialog.py" line="117"/>
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="110"/>
        <source>-DOCSTART- line before each document</source>
        <translation>سطر ⁦-DOCSTART-⁩ قبل كل مستند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="114"/>
        <source>Browse…</source>
        <translation>استعراض…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="125"/>
        <source>Documents selected in the list</source>
        <translation>المستندات المحددة في القائمة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="127"/>
        <source>All documents</source>
        <translation>كل المستندات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="128"/>
        <source>The open document</source>
        <translation>المستند المفتوح</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="129"/>
        <source>Documents marked done</source>
        <translation>المستندات المنجزة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="146"/>
        <source>Format</source>
        <translation>التنسيق</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="148"/>
        <source>Annotator</source>
        <translation>المعلّق</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="149"/>
        <source>Documents</source>
        <translation>المستندات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="150"/>
        <source>Layers</source>
        <translation>الطبقات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="151"/>
        <source>Tag scheme</source>
        <translation>مخطط الوسوم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="152"/>
        <source>Nested columns per layer</source>
        <translation>الأعمدة المتداخلة لكل طبقة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="154"/>
        <source>Save to</source>
        <translation>الحفظ في</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="174"/>
        <source>overlapping spans</source>
        <translation>مقاطع متداخلة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="175"/>
        <source>links</source>
        <translation>روابط</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="176"/>
        <source>attributes</source>
        <translation>سمات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="180"/>
        <source>Holds overlapping spans, links and attributes.</source>
        <translation>يحفظ المقاطع المتداخلة والروابط والسمات.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="182"/>
        <source>Cannot hold: %1. What is left out is counted in the summary.</source>
        <translation>لا يحفظ: %1. ما يُترك يُحصى في الملخّص.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="183"/>
        <source>, </source>
        <translation>، </translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="189"/>
        <source>Export to folder</source>
        <translation>التصدير إلى مجلد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="192"/>
        <source>Export to file</source>
        <translation>التصدير إلى ملف</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="212"/>
        <source>Choose at least one layer and where to save.</source>
        <translation>اختر طبقة واحدة على الأقل ومكان الحفظ.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="228"/>
        <source>Exporting…</source>
        <translation>جارٍ التصدير…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="252"/>
        <source>Export failed: </source>
        <translation>فشل التصدير: </translation>
    </message>
</context>
<context>
    <name>FileMenu</name>
    <message>
        <location filename="../../annotator/ui/file_menu.py" line="59"/>
        <source>Imported %1 new documents, %2 already present</source>
        <translation>استُورد %1 من المستندات الجديدة، و%2 موجودة مسبقًا</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/file_menu.py" line="75"/>
        <source>Open or create a database</source>
        <translation>فتح قاعدة بيانات أو إنشاؤها</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/file_menu.py" line="76"/>
        <source>Annotator databases (*.sqlite3 *.sqlite *.db);;All files (*)</source>
        <translation>قواعد بيانات المعلّق (*.sqlite3 *.sqlite *.db);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/file_menu.py" line="88"/>
        <source>Cannot open database</source>
        <translation>تعذّر فتح قاعدة البيانات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/file_menu.py" line="100"/>
        <source>Annotator name</source>
        <translation>اسم المُعلِّق</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/file_menu.py" line="102"/>
        <source>Your name as an annotator: your spans are stored under it, kept apart from colleagues&apos; (remembered for the next start).</source>
        <translation>اسمك كمُعلِّق: تُحفظ مقاطعك باسمه، منفصلة عن مقاطع زملائك (يُتذكَّر في المرة القادمة).</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/file_menu.py" line="127"/>
        <source>on this team server you work as your database login %1; to annotate as someone else, connect as that login</source>
        <translation>على خادم الفريق هذا تعمل باسم دخولك إلى قاعدة البيانات %1؛ للتعليق باسم شخص آخر، اتصل بدخوله</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/file_menu.py" line="135"/>
        <source>You now annotate as %s</source>
        <translation>أنت الآن تعلّق باسم %s</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/file_menu.py" line="145"/>
        <source>(none yet)</source>
        <translation>(لا شيء بعد)</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../annotator/ui/find_bar.py" line="37"/>
        <source>Find in document</source>
        <translation>البحث في المستند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/find_bar.py" line="40"/>
        <source>Ignore diacritics</source>
        <translation>تجاهل التشكيل</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/find_bar.py" line="41"/>
        <source>Ignore tatweel</source>
        <translation>تجاهل التطويل</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/find_bar.py" line="42"/>
        <source>Fold hamza/alef forms</source>
        <translation>توحيد أشكال الهمزة والألف</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/find_bar.py" line="52"/>
        <source>Previous</source>
        <translation>السابق</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/find_bar.py" line="54"/>
        <source>Next</source>
        <translation>التالي</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/find_bar.py" line="122"/>
        <source>no match</source>
        <translation>لا نتائج</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/find_bar.py" line="125"/>
        <source>%1 of %2</source>
        <translation>%1 من %2</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/find_bar.py" line="43"/>
        <source>Whole word</source>
        <translation>كلمة كاملة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/find_bar.py" line="45"/>
        <source>Only whole words, also behind a proclitic (و ف ب ل ك): روسيا finds وروسيا and لروسيا, not بيلاروسيا. Annotate all tags what this finds.</source>
        <translation>الكلمات الكاملة فقط، ولو سبقتها سابقة (و ف ب ل ك): روسيا تجد وروسيا ولروسيا، لا بيلاروسيا. «وسم كل المواضع» يسم ما يجده هذا البحث.</translation>
    </message>
</context>
<context>
    <name>GoldSpanEditor</name>
    <message>
        <location filename="../../annotator/ui/review/edit_dialog.py" line="137"/>
        <source>Edit the span before it goes into gold</source>
        <translation>تعديل المقطع قبل دخوله المرجع الذهبي</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/edit_dialog.py" line="157"/>
        <source>Select the words of the span in the text (drag, or Shift+arrows).</source>
        <translation>حدِّد كلمات المقطع في النص (بالسحب، أو Shift مع الأسهم).</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/edit_dialog.py" line="161"/>
        <source>Label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/edit_dialog.py" line="166"/>
        <source>Span</source>
        <translation>المقطع</translation>
    </message>
</context>
<context>
    <name>GuidelinesPanel</name>
    <message>
        <location filename="../../annotator/ui/docks.py" line="40"/>
        <source>This project&apos;s label schema names no guidelines. Add a line guidelines = &quot;FILE.md&quot; to the schema and put the Markdown file beside it.</source>
        <translation>لا يذكر مخطط الوسوم في هذا المشروع إرشادات. أضف السطر guidelines = &quot;FILE.md&quot; إلى المخطط وضع ملف Markdown بجانبه.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="114"/>
        <location filename="../../annotator/ui/import_dialog.py" line="188"/>
        <source>Import documents</source>
        <translation>استيراد مستندات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="120"/>
        <source>automatic (from the file extension)</source>
        <translation>تلقائي (من امتداد الملف)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="127"/>
        <source>optional: FOREIGN&lt;TAB&gt;OURS per line</source>
        <translation>اختياري: ⁦FOREIGN&lt;TAB&gt;OURS⁩ في كل سطر</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="128"/>
        <source>Browse…</source>
        <translation>استعراض…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="133"/>
        <source>%v of %m files read</source>
        <translation>قُرئ %v من %m من الملفات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="131"/>
        <source>Import</source>
        <translation>استيراد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="139"/>
        <source>Add files…</source>
        <translation>إضافة ملفات…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="141"/>
        <source>Add folder…</source>
        <translation>إضافة مجلد…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="143"/>
        <source>Remove</source>
        <translation>إزالة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="156"/>
        <source>Files and folders</source>
        <translation>الملفات والمجلدات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="157"/>
        <source>Format</source>
        <translation>التنسيق</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="158"/>
        <source>Encoding</source>
        <translation>الترميز</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="159"/>
        <source>Tag map (CoNLL)</source>
        <translation>جدول تحويل الوسوم (⁦CoNLL⁩)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="189"/>
        <source>Documents (%1);;All files (*)</source>
        <translation>المستندات (%1);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="196"/>
        <source>Import a folder</source>
        <translation>استيراد مجلد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="206"/>
        <source>Tag map</source>
        <translation>جدول تحويل الوسوم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="218"/>
        <source>Add the files or folders to import.</source>
        <translation>أضف الملفات أو المجلدات المراد استيرادها.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="223"/>
        <source>Unknown encoding: %1</source>
        <translation>ترميز غير معروف: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="232"/>
        <source>The format of %1 cannot be told from its extension: choose a format.</source>
        <translation>لا يمكن معرفة تنسيق %1 من امتداده: اختر تنسيقًا.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="236"/>
        <source>No such tag map file: %1</source>
        <translation>ملف جدول تحويل الوسوم غير موجود: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="260"/>
        <source>Reading…</source>
        <translation>جارٍ القراءة…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="279"/>
        <source>Storing %1 documents…</source>
        <translation>جارٍ حفظ %1 من المستندات…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="306"/>
        <source>Import failed: nothing was imported.</source>
        <translation>فشل الاستيراد: لم يُستورد أي شيء.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="308"/>
        <source>File: %1</source>
        <translation>الملف: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="310"/>
        <source>Line: %1</source>
        <translation>السطر: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="312"/>
        <source>Byte: %1</source>
        <translation>البايت: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="313"/>
        <source>Reason: %1</source>
        <translation>السبب: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="322"/>
        <source>Documents added: %1</source>
        <translation>المستندات المضافة: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="323"/>
        <source>Already present (same text): %1</source>
        <translation>موجودة مسبقًا (النص نفسه): %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="325"/>
        <source>Spans added: %1</source>
        <translation>المقاطع المضافة: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="326"/>
        <source>Links added: %1</source>
        <translation>الروابط المضافة: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="330"/>
        <source>Spans already stored: %1</source>
        <translation>مقاطع محفوظة مسبقًا: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="333"/>
        <source>Already present:</source>
        <translation>موجودة مسبقًا:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="334"/>
        <source>Warnings: %1</source>
        <translation>التحذيرات: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/import_dialog.py" line="344"/>
        <source>Cancelled: nothing was imported.</source>
        <translation>أُلغي: لم يُستورد أي شيء.</translation>
    </message>
</context>
<context>
    <name>Keymap</name>
    <message>
        <location filename="../../annotator/ui/keymap.py" line="133"/>
        <source>Alt+Shift switches the keyboard layout (Arabic/English) on many systems</source>
        <translation>Alt+Shift يبدّل تخطيط لوحة المفاتيح (عربي/إنجليزي) في أنظمة كثيرة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/keymap.py" line="136"/>
        <source>Ctrl+Alt+arrows switch workspaces</source>
        <translation>Ctrl+Alt مع الأسهم تبدّل مساحات العمل</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/keymap.py" line="130"/>
        <source>the Super (Windows) key belongs to the window manager</source>
        <translation>مفتاح Super (ويندوز) لمدير النوافذ</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/keymap.py" line="140"/>
        <source>window managers use it (window menu, close, move, switch desktop)</source>
        <translation>تستعمله مديرات النوافذ (قائمة النافذة، الإغلاق، النقل، تبديل سطح المكتب)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="134"/>
        <source>&amp;Open database…</source>
        <translation>&amp;فتح قاعدة بيانات…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="135"/>
        <source>&amp;Import…</source>
        <translation>&amp;استيراد…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="136"/>
        <source>&amp;Export…</source>
        <translation>&amp;تصدير…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="137"/>
        <source>&amp;Merge colleague&apos;s work…</source>
        <translation>&amp;دمج عمل زميل…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="138"/>
        <source>Annotator &amp;name…</source>
        <translation>&amp;اسم المُعلِّق…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="139"/>
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="140"/>
        <source>Mark document &amp;done / in progress</source>
        <translation>تعليم المستند &amp;منجزًا / قيد العمل</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="141"/>
        <source>&amp;Undo</source>
        <translation>&amp;تراجع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="142"/>
        <source>&amp;Redo</source>
        <translation>إ&amp;عادة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="147"/>
        <source>&amp;Find…</source>
        <translation>&amp;بحث…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="148"/>
        <source>Find next</source>
        <translation>البحث عن التالي</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="149"/>
        <source>Find previous</source>
        <translation>البحث عن السابق</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="150"/>
        <source>&amp;Annotate all occurrences…</source>
        <translation>&amp;وسم كل المواضع…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="151"/>
        <source>&amp;Delete span</source>
        <translation>&amp;حذف المقطع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="152"/>
        <source>Move span start past next &amp;proclitic</source>
        <translation>نقل بداية المقطع بعد السابقة &amp;التالية</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="153"/>
        <source>Move span end one word left (forward)</source>
        <translation>نقل نهاية المقطع كلمة إلى اليسار (للأمام)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="155"/>
        <source>Move span end one word right (back)</source>
        <translation>نقل نهاية المقطع كلمة إلى اليمين (للخلف)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="157"/>
        <source>Move span start one word right (back)</source>
        <translation>نقل بداية المقطع كلمة إلى اليمين (للخلف)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="159"/>
        <source>Move span start one word left (forward)</source>
        <translation>نقل بداية المقطع كلمة إلى اليسار (للأمام)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="161"/>
        <source>Select next span</source>
        <translation>تحديد المقطع التالي</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="162"/>
        <source>Select previous span</source>
        <translation>تحديد المقطع السابق</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="163"/>
        <source>Quote &amp;direct / indirect</source>
        <translation>اقتباس &amp;مباشر / غير مباشر</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="164"/>
        <source>&amp;Link quote/claim to speaker/source</source>
        <translation>&amp;ربط الاقتباس/الادعاء بالقائل/المصدر</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="165"/>
        <source>Finish link</source>
        <translation>إتمام الربط</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="166"/>
        <source>Cancel link / clear selection</source>
        <translation>إلغاء الربط / مسح التحديد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="167"/>
        <source>&amp;Unlink selected span</source>
        <translation>&amp;فك روابط المقطع المحدد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="168"/>
        <source>&amp;Font…</source>
        <translation>ال&amp;خط…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="169"/>
        <source>Zoom &amp;in</source>
        <translation>ت&amp;كبير</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="170"/>
        <source>Zoom &amp;out</source>
        <translation>ت&amp;صغير</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="171"/>
        <source>&amp;Exact selection (no snapping to words)</source>
        <translation>تحديد &amp;دقيق (دون الالتصاق بحدود الكلمات)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="173"/>
        <source>&amp;Strip proclitics automatically for entities</source>
        <translation>&amp;حذف السوابق تلقائيًا من الكيانات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="175"/>
        <source>&amp;Labels on the text</source>
        <translation>&amp;التسميات على النص</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="177"/>
        <source>&amp;Compare annotators…</source>
        <translation>&amp;مقارنة المعلّقين…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="178"/>
        <source>&amp;Team progress…</source>
        <translation>تقدّم ال&amp;فريق…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="179"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>اختصارات &amp;لوحة المفاتيح</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="181"/>
        <source>&amp;About</source>
        <translation>&amp;حول</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/menus.py" line="41"/>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/menus.py" line="42"/>
        <source>&amp;Edit</source>
        <translation>ت&amp;حرير</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/menus.py" line="43"/>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/menus.py" line="44"/>
        <source>&amp;Suggestions</source>
        <translation>ا&amp;قتراحات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/menus.py" line="45"/>
        <source>&amp;Review</source>
        <translation>م&amp;راجعة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/menus.py" line="46"/>
        <source>&amp;Help</source>
        <translation>م&amp;ساعدة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/menus.py" line="60"/>
        <source>Recent &amp;databases</source>
        <translation>قواعد البيانات ال&amp;أخيرة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/menus.py" line="64"/>
        <source>&amp;Tag selection as</source>
        <translation>&amp;وسم التحديد بـ</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/menus.py" line="68"/>
        <source>Interface &amp;language</source>
        <translation>&amp;لغة الواجهة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="271"/>
        <source>No Arabic font</source>
        <translation>لا يوجد خط عربي</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="272"/>
        <source>No Arabic font (Noto Naskh Arabic, Amiri) is installed; Arabic may show as boxes. Install fonts-noto-core (Debian/Ubuntu) or the Amiri font, then restart.</source>
        <translation>لا يوجد خط عربي مثبت (Noto Naskh Arabic أو Amiri)، وقد تظهر الحروف مربعات. ثبّت الحزمة fonts-noto-core (دبيان/أوبونتو) أو خط Amiri ثم أعد تشغيل البرنامج.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="325"/>
        <source>No document named %s</source>
        <translation>لا يوجد مستند باسم %s</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="361"/>
        <source>The selection holds no word</source>
        <translation>التحديد لا يحتوي على كلمة</translation>
    </message>
    <message numerus="yes">
        <location filename="../../annotator/ui/main_window.py" line="426"/>
        <source>Tagged %n occurrences</source>
        <translation>
            <numerusform>تم وسم %n من المواضع</numerusform>
            <numerusform>تم وسم %n من المواضع</numerusform>
            <numerusform>تم وسم %n من المواضع</numerusform>
            <numerusform>تم وسم %n من المواضع</numerusform>
            <numerusform>تم وسم %n من المواضع</numerusform>
            <numerusform>تم وسم %n من المواضع</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="450"/>
        <source>Not done: %s</source>
        <translation>لم يتم: %s</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="479"/>
        <source>Document font</source>
        <translation>خط المستند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="495"/>
        <source>Interface language</source>
        <translation>لغة الواجهة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="496"/>
        <source>The interface language changes the next time the program starts.</source>
        <translation>تتغير لغة الواجهة عند تشغيل البرنامج في المرة القادمة.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="520"/>
        <source>About Annotator</source>
        <translation>حول المعلّق</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="521"/>
        <source>Arabic annotation workbench %s: entities, claims and quotes, with links, review and agreement.</source>
        <translation>منصة التعليق على النصوص العربية %s: الكيانات والادعاءات والاقتباسات، مع الروابط والمراجعة والاتفاق.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="180"/>
        <source>&amp;Keyboard shortcuts…</source>
        <translation>تعديل ا&amp;ختصارات لوحة المفاتيح…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="513"/>
        <source>Keyboard shortcuts saved</source>
        <translation>حُفظت اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="418"/>
        <source>No other untagged occurrence</source>
        <translation>لا توجد مواضع أخرى غير موسومة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="414"/>
        <source>Select a span first</source>
        <translation>حدّد مقطعًا أولًا</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/docks.py" line="60"/>
        <source>Guidelines</source>
        <translation>الإرشادات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/docks.py" line="62"/>
        <source>Statistics</source>
        <translation>الإحصاءات</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../annotator/ui/merge_dialog.py" line="24"/>
        <source>Documents: %1 added, %2 matched</source>
        <translation>المستندات: أُضيف %1، وطوبق %2</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/merge_dialog.py" line="27"/>
        <source>Spans: %1 added, %2 identical, %3 conflicting</source>
        <translation>المقاطع: أُضيف %1، و%2 متطابقة، و%3 متعارضة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/merge_dialog.py" line="30"/>
        <source>Links added: %1; statuses added: %2</source>
        <translation>الروابط المضافة: %1؛ الحالات المضافة: %2</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/merge_dialog.py" line="42"/>
        <source>Review decisions: %1 added, %2 identical, %3 conflicting</source>
        <translation>قرارات المراجعة: أُضيف %1، و%2 متطابقة، و%3 متعارضة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/merge_dialog.py" line="57"/>
        <source>Merge colleague&apos;s work</source>
        <translation>دمج عمل زميل</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/merge_dialog.py" line="60"/>
        <source>Annotator databases and exports (*.sqlite3 *.sqlite *.db *.jsonl);;All files (*)</source>
        <translation>قواعد بيانات المعلّق وملفات التصدير (*.sqlite3 *.sqlite *.db *.jsonl);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/merge_dialog.py" line="72"/>
        <source>Nothing was merged: %1</source>
        <translation>لم يُدمج أي شيء: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/merge_dialog.py" line="81"/>
        <source>%1 item(s) differ from ours and were left as ours.</source>
        <translation>%1 عنصرًا يختلف عمّا لدينا، وأُبقي على ما لدينا.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/merge_dialog.py" line="88"/>
        <source>… and %1 more</source>
        <translation>… و%1 غيرها</translation>
    </message>
</context>
<context>
    <name>MergedPane</name>
    <message>
        <location filename="../../annotator/ui/review/merged.py" line="217"/>
        <source>only %s</source>
        <translation>فقط %s</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/merged.py" line="219"/>
        <source>label, extent or attribute differ</source>
        <translation>اختلاف في الوسم أو الامتداد أو السمة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/merged.py" line="222"/>
        <source>drawn by some, not all</source>
        <translation>حدّده بعضهم لا كلهم</translation>
    </message>
</context>
<context>
    <name>OccurrencesDialog</name>
    <message>
        <location filename="../../annotator/ui/occurrences_dialog.py" line="41"/>
        <source>Annotate all occurrences</source>
        <translation>وسم كل المواضع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/occurrences_dialog.py" line="43"/>
        <source>Tag %1 occurrences as %2? One undo step removes them all.</source>
        <translation>وسم %1 من المواضع بـ %2؟ خطوة تراجع واحدة تزيلها كلها.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/occurrences_dialog.py" line="49"/>
        <source>Line</source>
        <translation>السطر</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/occurrences_dialog.py" line="49"/>
        <source>Before</source>
        <translation>قبل</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/occurrences_dialog.py" line="49"/>
        <source>Occurrence</source>
        <translation>الموضع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/occurrences_dialog.py" line="49"/>
        <source>After</source>
        <translation>بعد</translation>
    </message>
    <message numerus="yes">
        <location filename="../../annotator/ui/occurrences_dialog.py" line="75"/>
        <source>Tag %n</source>
        <translation>
            <numerusform>وسم %n</numerusform>
            <numerusform>وسم %n</numerusform>
            <numerusform>وسم %n</numerusform>
            <numerusform>وسم %n</numerusform>
            <numerusform>وسم %n</numerusform>
            <numerusform>وسم %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewWindow</name>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="87"/>
        <source>Review and adjudicate</source>
        <translation>المراجعة والفصل</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="104"/>
        <source>gold out of date</source>
        <translation>المرجع الذهبي قديم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="108"/>
        <source>Edited after adjudication by: %1</source>
        <translation>عُدّل بعد التحكيم من قِبل: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="124"/>
        <source>Compare</source>
        <translation>مقارنة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="127"/>
        <source>Document</source>
        <translation>المستند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="129"/>
        <source>Annotators</source>
        <translation>المعلّقون</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="183"/>
        <source>this database has only %1</source>
        <translation>لا تضم قاعدة البيانات هذه إلا عمل %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="184"/>
        <source>this database has no annotations yet</source>
        <translation>لا تضم قاعدة البيانات هذه أي توسيم بعد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="187"/>
        <source>Review compares two annotators&apos; work; %1.

Bring in a colleague&apos;s work: File &gt; Merge colleague&apos;s work… takes their database file or JSONL export, or on the command line: annotator import THEIR_FILE --annotator THEIR_NAME.</source>
        <translation>تقارن المراجعة عمل موسِّمَين اثنين؛ %1.

أحضر عمل زميل: ملف &gt; دمج عمل زميل… يأخذ ملف قاعدة بياناته أو تصديره بصيغة JSONL، أو من سطر الأوامر: annotator import THEIR_FILE --annotator THEIR_NAME.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="192"/>
        <source>There are no documents to review: import some first (File &gt; Import…).</source>
        <translation>لا توجد وثائق للمراجعة: استورد بعضها أولًا (ملف &gt; استيراد…).</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="194"/>
        <source>Tick two or more annotators above, then press Compare.</source>
        <translation>اختر موسِّمَين أو أكثر في الأعلى، ثم اضغط «مقارنة».</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="230"/>
        <source>Refused: %1</source>
        <translation>رُفض: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="241"/>
        <source>merged: %s</source>
        <translation>مدمج: %s</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="243"/>
        <source>gold</source>
        <translation>المرجع الذهبي</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="300"/>
        <source>%d disagreements, %d decided; %d agreements accepted in advance</source>
        <translation>%d من الاختلافات، فُصل في %d؛ و%d من مواضع الاتفاق قُبلت مسبقًا</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="347"/>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="350"/>
        <source>&amp;Side by side</source>
        <translation>&amp;جنبًا إلى جنب</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="351"/>
        <source>&amp;Merged, differences marked</source>
        <translation>م&amp;دمج، مع تمييز الاختلافات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="353"/>
        <source>V switches between the two</source>
        <translation>يبدّل V بين العرضين</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="361"/>
        <source>Zoom &amp;in</source>
        <translation>ت&amp;كبير</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="362"/>
        <source>Zoom &amp;out</source>
        <translation>ت&amp;صغير</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="363"/>
        <source>&amp;Actual size</source>
        <translation>&amp;الحجم الفعلي</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="414"/>
        <source>Edit cancelled: nothing was written to gold.</source>
        <translation>أُلغي التعديل: لم يُكتب شيء في المرجع الذهبي.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="439"/>
        <source>Gold marked done for this document</source>
        <translation>عُلّم المرجع الذهبي منجزًا لهذا المستند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="473"/>
        <source>◀ Previous</source>
        <translation>◀ السابق</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="474"/>
        <source>Next ▶</source>
        <translation>التالي ▶</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="478"/>
        <source>Accept %s (%s)</source>
        <translation>قبول %s (%s)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="482"/>
        <source>Both</source>
        <translation>كلاهما</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="483"/>
        <source>Neither</source>
        <translation>لا أحد منهما</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="484"/>
        <source>Edit…</source>
        <translation>تعديل…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="485"/>
        <source>Mark gold done</source>
        <translation>تعليم المرجع الذهبي منجزًا</translation>
    </message>
</context>
<context>
    <name>ShortcutEditor</name>
    <message>
        <location filename="../../annotator/ui/shortcut_editor.py" line="127"/>
        <source>%1 (%2): %3</source>
        <translation>%1 (%2): %3</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/shortcut_editor.py" line="131"/>
        <source>%1 is given to both “%2” and “%3”: give one of them another key.</source>
        <translation>المفتاح %1 مُعطى لكلٍّ من «%2» و«%3»: أعطِ أحدهما مفتاحًا آخر.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/shortcut_editor.py" line="54"/>
        <source>Action</source>
        <translation>الإجراء</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/shortcut_editor.py" line="54"/>
        <source>Alternative</source>
        <translation>بديل</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/shortcut_editor.py" line="88"/>
        <source>Click a field and press the keys; the clear button removes a key. Keys with Alt+Shift, Ctrl+Alt+arrows, Alt+F-keys or the Super key are refused: the keyboard layout switch or the window manager would take them.</source>
        <translation>انقر حقلًا واضغط المفاتيح؛ زر المسح يزيل المفتاح. تُرفض المفاتيح التي فيها Alt+Shift أو Ctrl+Alt مع الأسهم أو Alt مع مفاتيح F أو مفتاح Super: يأخذها مبدّل تخطيط لوحة المفاتيح أو مدير النوافذ.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/shortcut_editor.py" line="46"/>
        <source>Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/shortcut_editor.py" line="54"/>
        <source>Keys</source>
        <translation>المفاتيح</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/shortcut_editor.py" line="54"/>
        <source>Menu</source>
        <translation>القائمة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/shortcut_editor.py" line="145"/>
        <source>Not saved: %1</source>
        <translation>لم يُحفظ: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/shortcut_editor.py" line="82"/>
        <source>Reset to defaults</source>
        <translation>إعادة الافتراضيات</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../annotator/ui/shortcuts_dialog.py" line="81"/>
        <source>Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/shortcuts_dialog.py" line="83"/>
        <source>Menu</source>
        <translation>القائمة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/shortcuts_dialog.py" line="83"/>
        <source>Action</source>
        <translation>الإجراء</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/shortcuts_dialog.py" line="83"/>
        <source>Keys</source>
        <translation>المفاتيح</translation>
    </message>
</context>
<context>
    <name>SpanListModel</name>
    <message>
        <location filename="../../annotator/ui/span_list.py" line="44"/>
        <source>Position</source>
        <translation>الموضع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/span_list.py" line="44"/>
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/span_list.py" line="44"/>
        <source>Layer</source>
        <translation>الطبقة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/span_list.py" line="44"/>
        <source>Label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/span_list.py" line="45"/>
        <source>Links</source>
        <translation>الروابط</translation>
    </message>
</context>
<context>
    <name>SpanMenu</name>
    <message>
        <location filename="../../annotator/ui/span_menu.py" line="27"/>
        <source>Tag selection as</source>
        <translation>وسم التحديد بـ</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/span_menu.py" line="61"/>
        <source>Relabel as</source>
        <translation>تغيير الوسم إلى</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/span_menu.py" line="76"/>
        <source>Link to speaker/source…</source>
        <translation>ربط بالمتحدث/المصدر…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/span_menu.py" line="81"/>
        <source>Unlink %1: %2</source>
        <translation>فك الربط %1: %2</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/span_menu.py" line="85"/>
        <source>Copy text</source>
        <translation>نسخ النص</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/span_menu.py" line="87"/>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../annotator/ui/startup.py" line="129"/>
        <source>unexpected error ({0}): {1}; the details are in the log file</source>
        <translation>خطأ غير متوقّع ({0}): {1}؛ التفاصيل في ملف السجل</translation>
    </message>
</context>
<context>
    <name>StartupShell</name>
    <message>
        <location filename="../../annotator/ui/startup.py" line="47"/>
        <source>Opening the database…</source>
        <translation>جارٍ فتح قاعدة البيانات…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/startup.py" line="76"/>
        <source>Cannot open the database:</source>
        <translation>تعذّر فتح قاعدة البيانات:</translation>
    </message>
</context>
<context>
    <name>StatisticsPanel</name>
    <message>
        <location filename="../../annotator/ui/statistics.py" line="34"/>
        <source>Refresh</source>
        <translation>تحديث</translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <location filename="../../annotator/ui/status_line.py" line="32"/>
        <source>Annotator: %s</source>
        <translation>المعلّق: %s</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/status_line.py" line="33"/>
        <source>Click to change who you annotate as</source>
        <translation>انقر لتغيير الاسم الذي تعلّق به</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/status_line.py" line="36"/>
        <source>new</source>
        <translation>جديد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/status_line.py" line="36"/>
        <source>in progress</source>
        <translation>قيد العمل</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/status_line.py" line="37"/>
        <source>done</source>
        <translation>منجز</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/status_line.py" line="39"/>
        <source>%1 spans, %2 links, %3</source>
        <translation>%1 مقطعًا، %2 رابطًا، %3</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/status_line.py" line="47"/>
        <source>EXACT</source>
        <translation>دقيق</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/status_line.py" line="49"/>
        <source>LINKING</source>
        <translation>ربط</translation>
    </message>
</context>
<context>
    <name>SuggestionActions</name>
    <message>
        <location filename="../../annotator/ui/suggestion_actions.py" line="36"/>
        <source>&amp;Next suggestion</source>
        <translation>الاقتراح ال&amp;تالي</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/suggestion_actions.py" line="37"/>
        <source>&amp;Previous suggestion</source>
        <translation>الاقتراح ال&amp;سابق</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/suggestion_actions.py" line="38"/>
        <source>&amp;Accept suggestion</source>
        <translation>&amp;قبول الاقتراح</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/suggestion_actions.py" line="39"/>
        <source>&amp;Reject suggestion</source>
        <translation>&amp;رفض الاقتراح</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/suggestion_actions.py" line="40"/>
        <source>Accept all in the &amp;sentence</source>
        <translation>قبول كل اقتراحات ال&amp;جملة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/suggestion_actions.py" line="41"/>
        <source>Reject all in the s&amp;entence</source>
        <translation>رفض كل اقتراحات الج&amp;ملة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/suggestion_actions.py" line="42"/>
        <source>&amp;Train suggestions now</source>
        <translation>&amp;تدريب الاقتراحات الآن</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/suggestion_actions.py" line="43"/>
        <source>Suggestion &amp;threshold…</source>
        <translation>&amp;حد الثقة للاقتراحات…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/suggestion_actions.py" line="54"/>
        <source>No suggestion in this document</source>
        <translation>لا اقتراحات في هذه الوثيقة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/suggestion_actions.py" line="63"/>
        <source>Training suggestions…</source>
        <translation>جارٍ تدريب الاقتراحات…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/suggestion_actions.py" line="68"/>
        <source>Suggestions not trained: %1</source>
        <translation>لم تُدرَّب الاقتراحات: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/suggestion_actions.py" line="73"/>
        <source>Suggestion threshold</source>
        <translation>حد الثقة للاقتراحات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/suggestion_actions.py" line="74"/>
        <source>Hide suggestions scored below (0 shows all, 1 only the surest):</source>
        <translation>إخفاء الاقتراحات التي تقل ثقتها عن (0 يُظهر الكل، 1 الأوثق فقط):</translation>
    </message>
</context>
<context>
    <name>TeamProgressDialog</name>
    <message>
        <location filename="../../annotator/ui/team_dialog.py" line="62"/>
        <source>Team progress</source>
        <translation>تقدّم الفريق</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team_dialog.py" line="76"/>
        <source>Nobody has a document assigned, a status or a span yet. A curator assigns documents with: annotator team assign DOC… --to NAME</source>
        <translation>لا أحد لديه وثيقة مسندة أو حالة أو مقطع بعد. يسند المشرف الوثائق بالأمر: annotator team assign DOC… --to NAME</translation>
    </message>
</context>
<context>
    <name>TeamProgressModel</name>
    <message>
        <location filename="../../annotator/ui/team_dialog.py" line="32"/>
        <source>Annotator</source>
        <translation>المُعلِّق</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team_dialog.py" line="32"/>
        <source>Document</source>
        <translation>الوثيقة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team_dialog.py" line="32"/>
        <source>Assigned</source>
        <translation>مسندة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team_dialog.py" line="33"/>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team_dialog.py" line="33"/>
        <source>Spans</source>
        <translation>المقاطع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team_dialog.py" line="35"/>
        <source>new</source>
        <translation>جديدة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team_dialog.py" line="35"/>
        <source>in progress</source>
        <translation>قيد العمل</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team_dialog.py" line="35"/>
        <source>done</source>
        <translation>منجزة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/team_dialog.py" line="47"/>
        <source>yes</source>
        <translation>نعم</translation>
    </message>
</context>
<context>
    <name>WelcomePanel</name>
    <message>
        <location filename="../../annotator/ui/welcome.py" line="24"/>
        <source>&lt;h2&gt;Arabic annotation workbench&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;منصة التعليق على النصوص العربية&lt;/h2&gt;</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/welcome.py" line="27"/>
        <source>This database holds no document yet.&lt;br&gt;1. Import your texts (plain text, JSONL, CoNLL, brat…) or open the sample news article.&lt;br&gt;2. Select a word and press a label key: 1 for a person, 4 for a place, Q for a quote.&lt;br&gt;3. Every edit is saved at once; F1 lists every shortcut.</source>
        <translation>لا تحتوي قاعدة البيانات هذه على أي وثيقة بعد.&lt;br&gt;1. استورد نصوصك (نص عادي، JSONL، CoNLL، brat…) أو افتح المقال الإخباري النموذجي.&lt;br&gt;2. حدّد كلمة واضغط مفتاح وسم: 1 لشخص، 4 لمكان، Q لاقتباس.&lt;br&gt;3. يُحفظ كل تعديل فوراً؛ يعرض F1 كل الاختصارات.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/welcome.py" line="39"/>
        <source>Import documents…</source>
        <translation>استيراد مستندات…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/welcome.py" line="40"/>
        <source>Open sample document</source>
        <translation>فتح المستند النموذجي</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/welcome.py" line="41"/>
        <source>Set annotator name…</source>
        <translation>تعيين اسم المُعلِّق…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/welcome.py" line="67"/>
        <source>You annotate as &lt;b&gt;%1&lt;/b&gt;.</source>
        <translation>أنت تعلّق باسم &lt;b&gt;%1&lt;/b&gt;.</translation>
    </message>
</context>
<context>
    <name>run_gui</name>
    <message>
        <location filename="../../annotator/ui/app.py" line="80"/>
        <source>Cannot open the database</source>
        <translation>تعذّر فتح قاعدة البيانات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/app.py" line="82"/>
        <source>Check the path or URL given with --db (or ANNOTATOR_DB), that the folder is writable, and for PostgreSQL that the server is running.</source>
        <translation>تحقّق من المسار أو العنوان المعطى بـ ‎--db (أو ANNOTATOR_DB)، ومن إمكانية الكتابة في المجلد، ومن أن خادم PostgreSQL يعمل.</translation>
    </message>
</context>
</TS>
