<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>AnnotationController</name>
    <message>
        <location filename="../../annotator/ui/controller.py" line="252"/>
        <source>Select some text first</source>
        <translation>حدّد نصًا أولًا</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="257"/>
        <source>Already tagged %s</source>
        <translation>موسوم مسبقًا بـ %s</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="321"/>
        <source>Select a quote first</source>
        <translation>حدّد اقتباسًا أولًا</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="341"/>
        <source>Select a quote or a claim to link</source>
        <translation>حدّد اقتباسًا أو ادعاءً لربطه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="346"/>
        <source>Link: select the speaker or source (click it, or ] and [), then Enter</source>
        <translation>الربط: حدّد القائل أو المصدر (انقر عليه أو استخدم ] و [) ثم اضغط Enter</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="363"/>
        <source>A %s cannot be linked to a %s</source>
        <translation>لا يمكن ربط %s بـ %s</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="369"/>
        <source>Linked: %s</source>
        <translation>تم الربط: %s</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="400"/>
        <source>Select a span first</source>
        <translation>حدّد مقطعًا أولًا</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="405"/>
        <source>No other untagged occurrence</source>
        <translation>لا توجد مواضع أخرى غير موسومة</translation>
    </message>
    <message numerus="yes">
        <location filename="../../annotator/ui/controller.py" line="413"/>
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
        <location filename="../../annotator/ui/document_list.py" line="23"/>
        <source>Document</source>
        <translation>المستند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="23"/>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="23"/>
        <source>Spans</source>
        <translation>المقاطع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="25"/>
        <source>new</source>
        <translation>جديد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="25"/>
        <source>in progress</source>
        <translation>قيد العمل</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/document_list.py" line="25"/>
        <source>done</source>
        <translation>منجز</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="86"/>
        <location filename="../../annotator/ui/export_dialog.py" line="106"/>
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="100"/>
        <source>-DOCSTART- line before each document</source>
        <translation>سطر ⁦-DOCSTART-⁩ قبل كل مستند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="103"/>
        <source>Browse…</source>
        <translation>استعراض…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="120"/>
        <source>Format</source>
        <translation>التنسيق</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="122"/>
        <source>Annotator</source>
        <translation>المعلّق</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="123"/>
        <source>Layers</source>
        <translation>الطبقات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="124"/>
        <source>Tag scheme</source>
        <translation>مخطط الوسوم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="125"/>
        <source>Nested columns per layer</source>
        <translation>الأعمدة المتداخلة لكل طبقة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="127"/>
        <source>Save to</source>
        <translation>الحفظ في</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="147"/>
        <source>overlapping spans</source>
        <translation>مقاطع متداخلة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="148"/>
        <source>links</source>
        <translation>روابط</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="149"/>
        <source>attributes</source>
        <translation>سمات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="153"/>
        <source>Holds overlapping spans, links and attributes.</source>
        <translation>يحفظ المقاطع المتداخلة والروابط والسمات.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="155"/>
        <source>Cannot hold: %1. What is left out is counted in the summary.</source>
        <translation>لا يحفظ: %1. ما يُترك يُحصى في الملخّص.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="156"/>
        <source>, </source>
        <translation>، </translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="162"/>
        <source>Export to folder</source>
        <translation>التصدير إلى مجلد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="165"/>
        <source>Export to file</source>
        <translation>التصدير إلى ملف</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="183"/>
        <source>Choose at least one layer and where to save.</source>
        <translation>اختر طبقة واحدة على الأقل ومكان الحفظ.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="196"/>
        <source>Exporting…</source>
        <translation>جارٍ التصدير…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="220"/>
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
        <location filename="../../annotator/ui/file_menu.py" line="103"/>
        <source>(none yet)</source>
        <translation>(لا شيء بعد)</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../annotator/ui/find_bar.py" line="32"/>
        <source>Find in document</source>
        <translation>البحث في المستند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/find_bar.py" line="35"/>
        <source>Ignore diacritics</source>
        <translation>تجاهل التشكيل</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/find_bar.py" line="36"/>
        <source>Ignore tatweel</source>
        <translation>تجاهل التطويل</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/find_bar.py" line="37"/>
        <source>Fold hamza/alef forms</source>
        <translation>توحيد أشكال الهمزة والألف</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/find_bar.py" line="42"/>
        <source>Previous</source>
        <translation>السابق</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/find_bar.py" line="44"/>
        <source>Next</source>
        <translation>التالي</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/find_bar.py" line="106"/>
        <source>no match</source>
        <translation>لا نتائج</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/find_bar.py" line="109"/>
        <source>%1 of %2</source>
        <translation>%1 من %2</translation>
    </message>
</context>
<context>
    <name>GoldSpanEditor</name>
    <message>
        <location filename="../../annotator/ui/review/edit_dialog.py" line="26"/>
        <source>Edit gold span</source>
        <translation>تعديل مقطع المرجع الذهبي</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/edit_dialog.py" line="43"/>
        <source>Label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/edit_dialog.py" line="44"/>
        <source>Start</source>
        <translation>البداية</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/edit_dialog.py" line="45"/>
        <source>End</source>
        <translation>النهاية</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/edit_dialog.py" line="46"/>
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/edit_dialog.py" line="57"/>
        <source>(empty)</source>
        <translation>(فارغ)</translation>
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
    <name>MainWindow</name>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="126"/>
        <source>&amp;Open database…</source>
        <translation>&amp;فتح قاعدة بيانات…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="127"/>
        <source>&amp;Import…</source>
        <translation>&amp;استيراد…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="128"/>
        <source>&amp;Export…</source>
        <translation>&amp;تصدير…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="129"/>
        <source>&amp;Merge colleague&apos;s work…</source>
        <translation>&amp;دمج عمل زميل…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="130"/>
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="131"/>
        <source>Mark document &amp;done / in progress</source>
        <translation>تعليم المستند &amp;منجزًا / قيد العمل</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="132"/>
        <source>&amp;Undo</source>
        <translation>&amp;تراجع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="134"/>
        <source>&amp;Redo</source>
        <translation>إ&amp;عادة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="139"/>
        <source>&amp;Find…</source>
        <translation>&amp;بحث…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="140"/>
        <source>Find next</source>
        <translation>البحث عن التالي</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="141"/>
        <source>Find previous</source>
        <translation>البحث عن السابق</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="142"/>
        <source>&amp;Annotate all occurrences…</source>
        <translation>&amp;وسم كل المواضع…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="143"/>
        <source>&amp;Delete span</source>
        <translation>&amp;حذف المقطع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="144"/>
        <source>Move span start past next &amp;proclitic</source>
        <translation>نقل بداية المقطع بعد السابقة &amp;التالية</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="145"/>
        <source>Move span end one word left (forward)</source>
        <translation>نقل نهاية المقطع كلمة إلى اليسار (للأمام)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="147"/>
        <source>Move span end one word right (back)</source>
        <translation>نقل نهاية المقطع كلمة إلى اليمين (للخلف)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="149"/>
        <source>Move span start one word right (back)</source>
        <translation>نقل بداية المقطع كلمة إلى اليمين (للخلف)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="151"/>
        <source>Move span start one word left (forward)</source>
        <translation>نقل بداية المقطع كلمة إلى اليسار (للأمام)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="153"/>
        <source>Select next span</source>
        <translation>تحديد المقطع التالي</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="154"/>
        <source>Select previous span</source>
        <translation>تحديد المقطع السابق</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="155"/>
        <source>Quote &amp;direct / indirect</source>
        <translation>اقتباس &amp;مباشر / غير مباشر</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="156"/>
        <source>&amp;Link quote/claim to speaker/source</source>
        <translation>&amp;ربط الاقتباس/الادعاء بالقائل/المصدر</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="157"/>
        <source>Finish link</source>
        <translation>إتمام الربط</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="158"/>
        <source>Cancel link / clear selection</source>
        <translation>إلغاء الربط / مسح التحديد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="159"/>
        <source>&amp;Unlink selected span</source>
        <translation>&amp;فك روابط المقطع المحدد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="160"/>
        <source>&amp;Font…</source>
        <translation>ال&amp;خط…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="161"/>
        <source>Zoom &amp;in</source>
        <translation>ت&amp;كبير</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="162"/>
        <source>Zoom &amp;out</source>
        <translation>ت&amp;صغير</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="163"/>
        <source>&amp;Exact selection (no snapping to words)</source>
        <translation>تحديد &amp;دقيق (دون الالتصاق بحدود الكلمات)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="165"/>
        <source>&amp;Strip proclitics automatically for entities</source>
        <translation>&amp;حذف السوابق تلقائيًا من الكيانات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="167"/>
        <source>&amp;Compare annotators…</source>
        <translation>&amp;مقارنة المعلّقين…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="168"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>اختصارات &amp;لوحة المفاتيح</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="169"/>
        <source>&amp;About</source>
        <translation>&amp;حول</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/menus.py" line="37"/>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/menus.py" line="38"/>
        <source>&amp;Edit</source>
        <translation>ت&amp;حرير</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/menus.py" line="39"/>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/menus.py" line="40"/>
        <source>&amp;Review</source>
        <translation>م&amp;راجعة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/menus.py" line="41"/>
        <source>&amp;Help</source>
        <translation>م&amp;ساعدة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/menus.py" line="55"/>
        <source>Recent &amp;databases</source>
        <translation>قواعد البيانات ال&amp;أخيرة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/menus.py" line="59"/>
        <source>&amp;Tag selection as</source>
        <translation>&amp;وسم التحديد بـ</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/menus.py" line="63"/>
        <source>Interface &amp;language</source>
        <translation>&amp;لغة الواجهة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="234"/>
        <source>No Arabic font</source>
        <translation>لا يوجد خط عربي</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="235"/>
        <source>No Arabic font (Noto Naskh Arabic, Amiri) is installed; Arabic may show as boxes. Install fonts-noto-core (Debian/Ubuntu) or the Amiri font, then restart.</source>
        <translation>لا يوجد خط عربي مثبت (Noto Naskh Arabic أو Amiri)، وقد تظهر الحروف مربعات. ثبّت الحزمة fonts-noto-core (دبيان/أوبونتو) أو خط Amiri ثم أعد تشغيل البرنامج.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="285"/>
        <source>No document named %s</source>
        <translation>لا يوجد مستند باسم %s</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="321"/>
        <source>The selection holds no word</source>
        <translation>التحديد لا يحتوي على كلمة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="363"/>
        <source>Annotate all occurrences</source>
        <translation>وسم كل المواضع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="364"/>
        <source>Tag %1 more occurrences as %2? One undo step removes them all.</source>
        <translation>وسم %1 من المواضع الإضافية بـ %2؟ خطوة تراجع واحدة تزيلها كلها.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../annotator/ui/main_window.py" line="371"/>
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
        <location filename="../../annotator/ui/main_window.py" line="388"/>
        <source>Not done: %s</source>
        <translation>لم يتم: %s</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="410"/>
        <source>Document font</source>
        <translation>خط المستند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="426"/>
        <source>Interface language</source>
        <translation>لغة الواجهة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="427"/>
        <source>The interface language changes the next time the program starts.</source>
        <translation>تتغير لغة الواجهة عند تشغيل البرنامج في المرة القادمة.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="438"/>
        <source>About Annotator</source>
        <translation>حول المعلّق</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="439"/>
        <source>Arabic annotation workbench %s: entities, claims and quotes, with links, review and agreement.</source>
        <translation>منصة التعليق على النصوص العربية %s: الكيانات والادعاءات والاقتباسات، مع الروابط والمراجعة والاتفاق.</translation>
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
        <location filename="../../annotator/ui/review/merged.py" line="215"/>
        <source>only %s</source>
        <translation>فقط %s</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/merged.py" line="216"/>
        <source>label or extent differ</source>
        <translation>اختلاف في الوسم أو الامتداد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/merged.py" line="218"/>
        <source>drawn by some, not all</source>
        <translation>حدّده بعضهم لا كلهم</translation>
    </message>
</context>
<context>
    <name>ReviewWindow</name>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="76"/>
        <source>Review and adjudicate</source>
        <translation>المراجعة والفصل</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="99"/>
        <source>Compare</source>
        <translation>مقارنة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="102"/>
        <source>Document</source>
        <translation>المستند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="104"/>
        <source>Annotators</source>
        <translation>المعلّقون</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="149"/>
        <source>Choose a document and two annotators.</source>
        <translation>اختر مستندًا ومعلّقَين اثنين.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="172"/>
        <source>Refused: %1</source>
        <translation>رُفض: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="183"/>
        <source>merged: %s</source>
        <translation>مدمج: %s</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="185"/>
        <source>gold</source>
        <translation>المرجع الذهبي</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="241"/>
        <source>%d disagreements, %d decided; %d agreements accepted in advance</source>
        <translation>%d من الاختلافات، فُصل في %d؛ و%d من مواضع الاتفاق قُبلت مسبقًا</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="288"/>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="291"/>
        <source>&amp;Side by side</source>
        <translation>&amp;جنبًا إلى جنب</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="292"/>
        <source>&amp;Merged, differences marked</source>
        <translation>م&amp;دمج، مع تمييز الاختلافات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="294"/>
        <source>V switches between the two</source>
        <translation>يبدّل V بين العرضين</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="366"/>
        <source>Gold marked done for this document</source>
        <translation>عُلّم المرجع الذهبي منجزًا لهذا المستند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="400"/>
        <source>◀ Previous</source>
        <translation>◀ السابق</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="401"/>
        <source>Next ▶</source>
        <translation>التالي ▶</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="405"/>
        <source>Accept %s (%s)</source>
        <translation>قبول %s (%s)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="409"/>
        <source>Both</source>
        <translation>كلاهما</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="410"/>
        <source>Neither</source>
        <translation>لا أحد منهما</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="411"/>
        <source>Edit…</source>
        <translation>تعديل…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="412"/>
        <source>Mark gold done</source>
        <translation>تعليم المرجع الذهبي منجزًا</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../annotator/ui/shortcuts_dialog.py" line="52"/>
        <source>Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/shortcuts_dialog.py" line="54"/>
        <source>Menu</source>
        <translation>القائمة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/shortcuts_dialog.py" line="54"/>
        <source>Action</source>
        <translation>الإجراء</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/shortcuts_dialog.py" line="54"/>
        <source>Keys</source>
        <translation>المفاتيح</translation>
    </message>
</context>
<context>
    <name>SpanListModel</name>
    <message>
        <location filename="../../annotator/ui/span_list.py" line="43"/>
        <source>Position</source>
        <translation>الموضع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/span_list.py" line="43"/>
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/span_list.py" line="43"/>
        <source>Layer</source>
        <translation>الطبقة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/span_list.py" line="43"/>
        <source>Label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/span_list.py" line="44"/>
        <source>Links</source>
        <translation>الروابط</translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <location filename="../../annotator/ui/status_line.py" line="30"/>
        <source>Annotator: %s</source>
        <translation>المعلّق: %s</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/status_line.py" line="33"/>
        <source>new</source>
        <translation>جديد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/status_line.py" line="33"/>
        <source>in progress</source>
        <translation>قيد العمل</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/status_line.py" line="34"/>
        <source>done</source>
        <translation>منجز</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/status_line.py" line="36"/>
        <source>%1 spans, %2 links, %3</source>
        <translation>%1 مقطعًا، %2 رابطًا، %3</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/status_line.py" line="44"/>
        <source>EXACT</source>
        <translation>دقيق</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/status_line.py" line="46"/>
        <source>LINKING</source>
        <translation>ربط</translation>
    </message>
</context>
<context>
    <name>WelcomePanel</name>
    <message>
        <location filename="../../annotator/ui/welcome.py" line="22"/>
        <source>&lt;h2&gt;Arabic annotation workbench&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;منصة التعليق على النصوص العربية&lt;/h2&gt;</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/welcome.py" line="25"/>
        <source>This database holds no document yet. Import plain text or JSONL files, or open the sample news article and tag your first span: select a word, then press 1 for a person, Q for a quote. F1 lists every shortcut.</source>
        <translation>لا تحتوي قاعدة البيانات هذه على أي مستند بعد. استورد ملفات نصية أو JSONL، أو افتح المقال الإخباري النموذجي ووسم أول مقطع: حدّد كلمة ثم اضغط 1 للشخص وQ للاقتباس. يعرض F1 كل الاختصارات.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/welcome.py" line="32"/>
        <source>Import documents…</source>
        <translation>استيراد مستندات…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/welcome.py" line="33"/>
        <source>Open sample document</source>
        <translation>فتح المستند النموذجي</translation>
    </message>
</context>
<context>
    <name>run_gui</name>
    <message>
        <location filename="../../annotator/ui/app.py" line="38"/>
        <source>Cannot open the database</source>
        <translation>تعذّر فتح قاعدة البيانات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/app.py" line="40"/>
        <source>Check the path or URL given with --db (or ANNOTATOR_DB), that the folder is writable, and for PostgreSQL that the server is running.</source>
        <translation>تحقّق من المسار أو العنوان المعطى بـ ‎--db (أو ANNOTATOR_DB)، ومن إمكانية الكتابة في المجلد، ومن أن خادم PostgreSQL يعمل.</translation>
    </message>
</context>
</TS>
