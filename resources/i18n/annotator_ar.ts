<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>AnnotationController</name>
    <message>
        <location filename="../../annotator/ui/controller.py" line="240"/>
        <source>Select some text first</source>
        <translation>حدّد نصًا أولًا</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="245"/>
        <source>Already tagged %s</source>
        <translation>موسوم مسبقًا بـ %s</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="315"/>
        <source>Select a quote first</source>
        <translation>حدّد اقتباسًا أولًا</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="337"/>
        <source>Select a quote or a claim to link</source>
        <translation>حدّد اقتباسًا أو ادعاءً لربطه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="342"/>
        <source>Link: select the speaker or source (click it, or ] and [), then Enter</source>
        <translation>الربط: حدّد القائل أو المصدر (انقر عليه أو استخدم ] و [) ثم اضغط Enter</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="359"/>
        <source>A %s cannot be linked to a %s</source>
        <translation>لا يمكن ربط %s بـ %s</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="365"/>
        <source>Linked: %s</source>
        <translation>تم الربط: %s</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="396"/>
        <source>Select a span first</source>
        <translation>حدّد مقطعًا أولًا</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/controller.py" line="401"/>
        <source>No other untagged occurrence</source>
        <translation>لا توجد مواضع أخرى غير موسومة</translation>
    </message>
    <message numerus="yes">
        <location filename="../../annotator/ui/controller.py" line="409"/>
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
        <location filename="../../annotator/ui/export_dialog.py" line="82"/>
        <location filename="../../annotator/ui/export_dialog.py" line="103"/>
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="93"/>
        <source>-DOCSTART- line before each document</source>
        <translation>سطر ⁦-DOCSTART-⁩ قبل كل مستند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="96"/>
        <source>Browse…</source>
        <translation>استعراض…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="119"/>
        <source>Format</source>
        <translation>التنسيق</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="120"/>
        <source>Annotator</source>
        <translation>المعلّق</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="121"/>
        <source>Layers</source>
        <translation>الطبقات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="122"/>
        <source>Tag scheme</source>
        <translation>مخطط الوسوم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="123"/>
        <source>Nested columns per layer</source>
        <translation>الأعمدة المتداخلة لكل طبقة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="125"/>
        <source>Save to</source>
        <translation>الحفظ في</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="144"/>
        <source>Export to folder</source>
        <translation>التصدير إلى مجلد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="147"/>
        <source>Export to file</source>
        <translation>التصدير إلى ملف</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="165"/>
        <source>Choose at least one layer and where to save.</source>
        <translation>اختر طبقة واحدة على الأقل ومكان الحفظ.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="178"/>
        <source>Exporting…</source>
        <translation>جارٍ التصدير…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="202"/>
        <source>Export failed: </source>
        <translation>فشل التصدير: </translation>
    </message>
</context>
<context>
    <name>FileMenu</name>
    <message>
        <location filename="../../annotator/ui/file_menu.py" line="35"/>
        <source>Import documents</source>
        <translation>استيراد مستندات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/file_menu.py" line="44"/>
        <source>Import failed</source>
        <translation>فشل الاستيراد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/file_menu.py" line="48"/>
        <source>Imported %1 new documents, %2 already present</source>
        <translation>استُورد %1 من المستندات الجديدة، و%2 موجودة مسبقًا</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/file_menu.py" line="64"/>
        <source>Open or create a database</source>
        <translation>فتح قاعدة بيانات أو إنشاؤها</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/file_menu.py" line="65"/>
        <source>Annotator databases (*.sqlite3 *.sqlite *.db);;All files (*)</source>
        <translation>قواعد بيانات المعلّق (*.sqlite3 *.sqlite *.db);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/file_menu.py" line="77"/>
        <source>Cannot open database</source>
        <translation>تعذّر فتح قاعدة البيانات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/file_menu.py" line="92"/>
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
        <location filename="../../annotator/ui/main_window.py" line="275"/>
        <source>No document named %s</source>
        <translation>لا يوجد مستند باسم %s</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="311"/>
        <source>The selection holds no word</source>
        <translation>التحديد لا يحتوي على كلمة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="353"/>
        <source>Annotate all occurrences</source>
        <translation>وسم كل المواضع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="354"/>
        <source>Tag %1 more occurrences as %2? One undo step removes them all.</source>
        <translation>وسم %1 من المواضع الإضافية بـ %2؟ خطوة تراجع واحدة تزيلها كلها.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../annotator/ui/main_window.py" line="361"/>
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
        <location filename="../../annotator/ui/main_window.py" line="378"/>
        <source>Not done: %s</source>
        <translation>لم يتم: %s</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="400"/>
        <source>Document font</source>
        <translation>خط المستند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="416"/>
        <source>Interface language</source>
        <translation>لغة الواجهة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="417"/>
        <source>The interface language changes the next time the program starts.</source>
        <translation>تتغير لغة الواجهة عند تشغيل البرنامج في المرة القادمة.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="428"/>
        <source>About Annotator</source>
        <translation>حول المعلّق</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/main_window.py" line="429"/>
        <source>Arabic annotation workbench %s: entities, claims and quotes, with links, review and agreement.</source>
        <translation>منصة التعليق على النصوص العربية %s: الكيانات والادعاءات والاقتباسات، مع الروابط والمراجعة والاتفاق.</translation>
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
        <location filename="../../annotator/ui/span_list.py" line="51"/>
        <source>Position</source>
        <translation>الموضع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/span_list.py" line="51"/>
        <source>Text</source>
        <translation>النص</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/span_list.py" line="51"/>
        <source>Layer</source>
        <translation>الطبقة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/span_list.py" line="51"/>
        <source>Label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/span_list.py" line="52"/>
        <source>Links</source>
        <translation>الروابط</translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <location filename="../../annotator/ui/status_line.py" line="29"/>
        <source>Annotator: %s</source>
        <translation>المعلّق: %s</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/status_line.py" line="32"/>
        <source>new</source>
        <translation>جديد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/status_line.py" line="32"/>
        <source>in progress</source>
        <translation>قيد العمل</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/status_line.py" line="33"/>
        <source>done</source>
        <translation>منجز</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/status_line.py" line="35"/>
        <source>%1 spans, %2 links, %3</source>
        <translation>%1 مقطعًا، %2 رابطًا، %3</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/status_line.py" line="43"/>
        <source>EXACT</source>
        <translation>دقيق</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/status_line.py" line="45"/>
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
    <name>parent</name>
    <message>
        <location filename="../../annotator/ui/merge_dialog.py" line="24"/>
        <source>Merge colleague&apos;s work</source>
        <translation>دمج عمل زميل</translation>
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
