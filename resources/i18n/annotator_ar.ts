<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
    <context>
        <name>AnnotationController</name>
        <message>
            <location filename="../../annotator/ui/controller.py" line="222" />
            <source>Select some text first</source>
            <translation>حدّد نصًا أولًا</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/controller.py" line="227" />
            <source>Already tagged %s</source>
            <translation>موسوم مسبقًا بـ %s</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/controller.py" line="287" />
            <source>Select a quote or a claim to link</source>
            <translation>حدّد اقتباسًا أو ادعاءً لربطه</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/controller.py" line="292" />
            <source>Link: select the speaker or source (click it, or ] and [), then Enter</source>
            <translation>الربط: حدّد القائل أو المصدر (انقر عليه أو استخدم ] و [) ثم اضغط Enter</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/controller.py" line="309" />
            <source>A %s cannot be linked to a %s</source>
            <translation>لا يمكن ربط %s بـ %s</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/controller.py" line="315" />
            <source>Linked: %s</source>
            <translation>تم الربط: %s</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/controller.py" line="346" />
            <source>Select a span first</source>
            <translation>حدّد مقطعًا أولًا</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/controller.py" line="351" />
            <source>No other untagged occurrence</source>
            <translation>لا توجد مواضع أخرى غير موسومة</translation>
        </message>
        <message numerus="yes">
            <location filename="../../annotator/ui/controller.py" line="359" />
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
            <location filename="../../annotator/ui/document_list.py" line="23" />
            <source>Document</source>
            <translation>المستند</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/document_list.py" line="23" />
            <source>Status</source>
            <translation>الحالة</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/document_list.py" line="23" />
            <source>Spans</source>
            <translation>المقاطع</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/document_list.py" line="25" />
            <source>new</source>
            <translation>جديد</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/document_list.py" line="25" />
            <source>in progress</source>
            <translation>قيد العمل</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/document_list.py" line="25" />
            <source>done</source>
            <translation>منجز</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <location filename="../../annotator/ui/export_dialog.py" line="82" />
            <location filename="../../annotator/ui/export_dialog.py" line="103" />
            <source>Export</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../annotator/ui/export_dialog.py" line="93" />
            <source>-DOCSTART- line before each document</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../annotator/ui/export_dialog.py" line="96" />
            <source>Browse…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../annotator/ui/export_dialog.py" line="119" />
            <source>Format</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../annotator/ui/export_dialog.py" line="120" />
            <source>Annotator</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../annotator/ui/export_dialog.py" line="121" />
            <source>Layers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../annotator/ui/export_dialog.py" line="122" />
            <source>Tag scheme</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../annotator/ui/export_dialog.py" line="123" />
            <source>Nested columns per layer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../annotator/ui/export_dialog.py" line="125" />
            <source>Save to</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../annotator/ui/export_dialog.py" line="144" />
            <source>Export to folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../annotator/ui/export_dialog.py" line="147" />
            <source>Export to file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../annotator/ui/export_dialog.py" line="165" />
            <source>Choose at least one layer and where to save.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../annotator/ui/export_dialog.py" line="178" />
            <source>Exporting…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="../../annotator/ui/export_dialog.py" line="202" />
            <source>Export failed: </source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>FindBar</name>
        <message>
            <location filename="../../annotator/ui/find_bar.py" line="32" />
            <source>Find in document</source>
            <translation>البحث في المستند</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/find_bar.py" line="35" />
            <source>Ignore diacritics</source>
            <translation>تجاهل التشكيل</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/find_bar.py" line="36" />
            <source>Ignore tatweel</source>
            <translation>تجاهل التطويل</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/find_bar.py" line="37" />
            <source>Fold hamza/alef forms</source>
            <translation>توحيد أشكال الهمزة والألف</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/find_bar.py" line="42" />
            <source>Previous</source>
            <translation>السابق</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/find_bar.py" line="44" />
            <source>Next</source>
            <translation>التالي</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/find_bar.py" line="106" />
            <source>no match</source>
            <translation>لا نتائج</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/find_bar.py" line="109" />
            <source>%1 of %2</source>
            <translation>%1 من %2</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="135" />
            <source>&amp;Open database…</source>
            <translation>&amp;فتح قاعدة بيانات…</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="136" />
            <source>&amp;Import…</source>
            <translation>&amp;استيراد…</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="137" />
            <source>&amp;Export…</source>
            <translation>&amp;تصدير…</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="138" />
            <source>&amp;Merge colleague's work…</source>
            <translation>&amp;دمج عمل زميل…</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="139" />
            <source>&amp;Quit</source>
            <translation>&amp;خروج</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="140" />
            <source>Mark document &amp;done / in progress</source>
            <translation>تعليم المستند &amp;منجزًا / قيد العمل</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="141" />
            <source>&amp;Undo</source>
            <translation>&amp;تراجع</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="143" />
            <source>&amp;Redo</source>
            <translation>إ&amp;عادة</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="148" />
            <source>&amp;Find…</source>
            <translation>&amp;بحث…</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="149" />
            <source>Find next</source>
            <translation>البحث عن التالي</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="150" />
            <source>Find previous</source>
            <translation>البحث عن السابق</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="151" />
            <source>&amp;Annotate all occurrences…</source>
            <translation>&amp;وسم كل المواضع…</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="152" />
            <source>&amp;Delete span</source>
            <translation>&amp;حذف المقطع</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="153" />
            <source>Move span start past next &amp;proclitic</source>
            <translation>نقل بداية المقطع بعد السابقة &amp;التالية</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="154" />
            <source>Move span end one word left (forward)</source>
            <translation>نقل نهاية المقطع كلمة إلى اليسار (للأمام)</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="156" />
            <source>Move span end one word right (back)</source>
            <translation>نقل نهاية المقطع كلمة إلى اليمين (للخلف)</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="158" />
            <source>Move span start one word right (back)</source>
            <translation>نقل بداية المقطع كلمة إلى اليمين (للخلف)</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="160" />
            <source>Move span start one word left (forward)</source>
            <translation>نقل بداية المقطع كلمة إلى اليسار (للأمام)</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="162" />
            <source>Select next span</source>
            <translation>تحديد المقطع التالي</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="163" />
            <source>Select previous span</source>
            <translation>تحديد المقطع السابق</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="164" />
            <source>&amp;Link quote/claim to speaker/source</source>
            <translation>&amp;ربط الاقتباس/الادعاء بالقائل/المصدر</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="165" />
            <source>Finish link</source>
            <translation>إتمام الربط</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="166" />
            <source>Cancel link / clear selection</source>
            <translation>إلغاء الربط / مسح التحديد</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="167" />
            <source>&amp;Unlink selected span</source>
            <translation>&amp;فك روابط المقطع المحدد</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="168" />
            <source>&amp;Font…</source>
            <translation>ال&amp;خط…</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="169" />
            <source>Zoom &amp;in</source>
            <translation>ت&amp;كبير</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="170" />
            <source>Zoom &amp;out</source>
            <translation>ت&amp;صغير</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="171" />
            <source>&amp;Exact selection (no snapping to words)</source>
            <translation>تحديد &amp;دقيق (دون الالتصاق بحدود الكلمات)</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="173" />
            <source>&amp;Strip proclitics automatically for entities</source>
            <translation>&amp;حذف السوابق تلقائيًا من الكيانات</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="175" />
            <source>&amp;Compare annotators…</source>
            <translation>&amp;مقارنة المعلّقين…</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="176" />
            <source>&amp;Keyboard shortcuts</source>
            <translation>اختصارات &amp;لوحة المفاتيح</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="177" />
            <source>&amp;About</source>
            <translation>&amp;حول</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="204" />
            <source>&amp;File</source>
            <translation>&amp;ملف</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="206" />
            <source>&amp;Edit</source>
            <translation>ت&amp;حرير</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="211" />
            <source>&amp;View</source>
            <translation>&amp;عرض</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="213" />
            <source>&amp;Review</source>
            <translation>م&amp;راجعة</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="214" />
            <source>&amp;Help</source>
            <translation>م&amp;ساعدة</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="223" />
            <source>Recent &amp;databases</source>
            <translation>قواعد البيانات ال&amp;أخيرة</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="226" />
            <source>&amp;Tag selection as</source>
            <translation>&amp;وسم التحديد بـ</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="229" />
            <source>Interface &amp;language</source>
            <translation>&amp;لغة الواجهة</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="287" />
            <source>No Arabic font</source>
            <translation>لا يوجد خط عربي</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="288" />
            <source>No Arabic font (Noto Naskh Arabic, Amiri) is installed; Arabic may show as boxes. Install fonts-noto-core (Debian/Ubuntu) or the Amiri font, then restart.</source>
            <translation>لا يوجد خط عربي مثبت (Noto Naskh Arabic أو Amiri)، وقد تظهر الحروف مربعات. ثبّت الحزمة fonts-noto-core (دبيان/أوبونتو) أو خط Amiri ثم أعد تشغيل البرنامج.</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="319" />
            <source>No document named %s</source>
            <translation>لا يوجد مستند باسم %s</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="355" />
            <source>The selection holds no word</source>
            <translation>التحديد لا يحتوي على كلمة</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="397" />
            <source>Annotate all occurrences</source>
            <translation>وسم كل المواضع</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="398" />
            <source>Tag %1 more occurrences as %2? One undo step removes them all.</source>
            <translation>وسم %1 من المواضع الإضافية بـ %2؟ خطوة تراجع واحدة تزيلها كلها.</translation>
        </message>
        <message numerus="yes">
            <location filename="../../annotator/ui/main_window.py" line="405" />
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
            <location filename="../../annotator/ui/main_window.py" line="422" />
            <source>Not done: %s</source>
            <translation>لم يتم: %s</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="427" />
            <source>Annotator: %s</source>
            <translation>المعلّق: %s</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="430" />
            <source>new</source>
            <translation>جديد</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="430" />
            <source>in progress</source>
            <translation>قيد العمل</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="431" />
            <source>done</source>
            <translation>منجز</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="433" />
            <source>%1 spans, %2 links, %3</source>
            <translation>%1 مقطعًا، %2 رابطًا، %3</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="441" />
            <source>EXACT</source>
            <translation>دقيق</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="443" />
            <source>LINKING</source>
            <translation>ربط</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="458" />
            <source>Import documents</source>
            <translation>استيراد مستندات</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="467" />
            <source>Import failed</source>
            <translation>فشل الاستيراد</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="471" />
            <source>Imported %1 new documents, %2 already present</source>
            <translation>استُورد %1 من المستندات الجديدة، و%2 موجودة مسبقًا</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="485" />
            <source>Open or create a database</source>
            <translation>فتح قاعدة بيانات أو إنشاؤها</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="486" />
            <source>Annotator databases (*.sqlite3 *.sqlite *.db);;All files (*)</source>
            <translation>قواعد بيانات المعلّق (*.sqlite3 *.sqlite *.db);;كل الملفات (*)</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="497" />
            <source>Cannot open database</source>
            <translation>تعذّر فتح قاعدة البيانات</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="517" />
            <source>(none yet)</source>
            <translation>(لا شيء بعد)</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="540" />
            <source>Document font</source>
            <translation>خط المستند</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="556" />
            <source>Interface language</source>
            <translation>لغة الواجهة</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="557" />
            <source>The interface language changes the next time the program starts.</source>
            <translation>تتغير لغة الواجهة عند تشغيل البرنامج في المرة القادمة.</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="575" />
            <source>About Annotator</source>
            <translation>حول المعلّق</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/main_window.py" line="576" />
            <source>Arabic annotation workbench %s: entities, claims and quotes, with links, review and agreement.</source>
            <translation>منصة التعليق على النصوص العربية %s: الكيانات والادعاءات والاقتباسات، مع الروابط والمراجعة والاتفاق.</translation>
        </message>
    </context>
    <context>
        <name>ShortcutsDialog</name>
        <message>
            <location filename="../../annotator/ui/shortcuts_dialog.py" line="52" />
            <source>Keyboard shortcuts</source>
            <translation>اختصارات لوحة المفاتيح</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/shortcuts_dialog.py" line="54" />
            <source>Menu</source>
            <translation>القائمة</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/shortcuts_dialog.py" line="54" />
            <source>Action</source>
            <translation>الإجراء</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/shortcuts_dialog.py" line="54" />
            <source>Keys</source>
            <translation>المفاتيح</translation>
        </message>
    </context>
    <context>
        <name>SpanListModel</name>
        <message>
            <location filename="../../annotator/ui/span_list.py" line="45" />
            <source>Position</source>
            <translation>الموضع</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/span_list.py" line="45" />
            <source>Text</source>
            <translation>النص</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/span_list.py" line="45" />
            <source>Layer</source>
            <translation>الطبقة</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/span_list.py" line="45" />
            <source>Label</source>
            <translation>الوسم</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/span_list.py" line="46" />
            <source>Links</source>
            <translation>الروابط</translation>
        </message>
    </context>
    <context>
        <name>WelcomePanel</name>
        <message>
            <location filename="../../annotator/ui/welcome.py" line="22" />
            <source>&lt;h2&gt;Arabic annotation workbench&lt;/h2&gt;</source>
            <translation>&lt;h2&gt;منصة التعليق على النصوص العربية&lt;/h2&gt;</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/welcome.py" line="25" />
            <source>This database holds no document yet. Import plain text or JSONL files, or open the sample news article and tag your first span: select a word, then press 1 for a person, Q for a quote. F1 lists every shortcut.</source>
            <translation>لا تحتوي قاعدة البيانات هذه على أي مستند بعد. استورد ملفات نصية أو JSONL، أو افتح المقال الإخباري النموذجي ووسم أول مقطع: حدّد كلمة ثم اضغط 1 للشخص وQ للاقتباس. يعرض F1 كل الاختصارات.</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/welcome.py" line="32" />
            <source>Import documents…</source>
            <translation>استيراد مستندات…</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/welcome.py" line="33" />
            <source>Open sample document</source>
            <translation>فتح المستند النموذجي</translation>
        </message>
    </context>
    <context>
        <name>run_gui</name>
        <message>
            <location filename="../../annotator/ui/app.py" line="38" />
            <source>Cannot open the database</source>
            <translation>تعذّر فتح قاعدة البيانات</translation>
        </message>
        <message>
            <location filename="../../annotator/ui/app.py" line="40" />
            <source>Check the path or URL given with --db (or ANNOTATOR_DB), that the folder is writable, and for PostgreSQL that the server is running.</source>
            <translation>تحقّق من المسار أو العنوان المعطى بـ ‎--db (أو ANNOTATOR_DB)، ومن إمكانية الكتابة في المجلد، ومن أن خادم PostgreSQL يعمل.</translation>
        </message>
    </context>
</TS>
