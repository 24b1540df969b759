package io.zhibiao.extract.engine.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class TextCleanerTest {

    private final TextCleaner cleaner = TextCleaner.fromClasspath();

    @Test
    void htmlKeepsParagraphsAndDropsChromeAndLinkLists() {
        String html = """
                <html><body>
                <div class="nav"><a href="/">首页</a> <a href="/a">新闻</a> <a href="/b">政务</a></div>
                <h1>湘东区2022年经济运行</h1>
                <p>全区地区生产总值达<b>238亿元</b>，增长4.5%。</p>
                <p>规模以上企业达37家。</p>
                <ul><li><a href="/1">另一条新闻标题一</a></li><li><a href="/2">另一条新闻标题二</a></li><li><a href="/3">另一条新闻标题三</a></li></ul>
                <div id="footer">版权所有 ICP备12345号</div>
                </body></html>""";
        CleanText clean = cleaner.clean(html, true);
        assertThat(clean.text()).isEqualTo("湘东区2022年经济运行\n全区地区生产总值达238亿元，增长4.5%。\n规模以上企业达37家。");
        assertThat(clean.paragraphs()).hasSize(3);
    }

    @Test
    void footerCutsTheRestNearTheEnd() {
        String text = "正文第一段，地区生产总值达738亿元。\n正文第二段，增长8%。\n相关新闻\n某地GDP增长9%，另一条新闻。";
        assertThat(cleaner.clean(text, false).text()).isEqualTo("正文第一段，地区生产总值达738亿元。\n正文第二段，增长8%。");
    }

    @Test
    void paragraphSpansPointIntoTheText() {
        CleanText clean = cleaner.clean("\u3000\u3000第一段。\n\n  第二段。  ", false);
        assertThat(clean.text()).isEqualTo("第一段。\n第二段。");
        for (CleanText.Span s : clean.paragraphs()) {
            assertThat(clean.text().substring(s.start(), s.end())).doesNotContain("\n");
        }
    }

    @Test
    void sentencesKeepOffsets() {
        CleanText clean = cleaner.clean("地区生产总值达738亿元，增长8%；财政总收入5亿元。\n“规模以上企业达37家。”下一句！", false);
        List<Sentence> sentences = new SentenceSplitter().split(clean);
        assertThat(sentences).extracting(Sentence::text)
                .containsExactly("地区生产总值达738亿元，增长8%；", "财政总收入5亿元。", "“规模以上企业达37家。”", "下一句！");
        for (Sentence s : sentences) {
            assertThat(clean.text().substring(s.start(), s.end())).isEqualTo(s.text());
        }
    }
}
